"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { usePlayground } from "@/lib/store/playground-store";
import { SelectionBar } from "@/components/gallery/selection-bar";
import { GridCard } from "@/components/grid/grid-card";
import { showsRun } from "@/lib/gallery/star-filter";
import type { ShareAvailability } from "@/lib/shares/availability";
import type { Run } from "@/lib/store/runs";
import { HistoryToolbar } from "./history-toolbar";
import { ImportHistoryButton } from "./import-history-button";
import { RunCard } from "./run-card";

/**
 * Cards rendered at first, then per step as the reader scrolls: a card is up to a screen tall, so
 * a few fill the first view, and a long history must not slow the first paint (npm run bench).
 */
const FIRST_PAGE = 4;
const PAGE = 12;

type Entry = { kind: "run"; run: Run } | { kind: "grid"; id: string; cells: Run[] };

/** Runs in list order, a grid's cells gathered into one entry where its first cell appears. */
function entriesOf(runs: readonly Run[]): Entry[] {
  const grids = new Map<string, Run[]>();
  const entries: Entry[] = [];
  for (const run of runs) {
    const id = run.grid?.id;
    if (!id) {
      entries.push({ kind: "run", run });
      continue;
    }
    const cells = grids.get(id);
    if (cells) cells.push(run);
    else {
      const first = [run];
      grids.set(id, first);
      entries.push({ kind: "grid", id, cells: first });
    }
  }
  return entries;
}

/** Runs, newest first, rendered a page at a time as the reader scrolls. */
export function RunList({ sharing }: { sharing: ShareAvailability }) {
  const allRuns = usePlayground((s) => s.runs);
  const starredOnly = usePlayground((s) => s.starredOnly);
  const kept = usePlayground((s) => s.starredOnlyKept);
  const filter = { starredOnly, kept };
  // A grid stays whole (its axes need every cell's place) when any of its cells is listed.
  const runs = entriesOf(allRuns).filter((entry) =>
    entry.kind === "run"
      ? showsRun(entry.run, filter)
      : entry.cells.some((cell) => showsRun(cell, filter)),
  );
  const historyLoaded = usePlayground((s) => s.historyLoaded);
  const [shown, setShown] = useState(FIRST_PAGE);
  const sentinel = useRef<HTMLDivElement>(null);
  const more = runs.length > shown;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !more) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown((n) => n + PAGE);
      },
      { rootMargin: "800px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [more, shown]);

  if (allRuns.length === 0) {
    return (
      <Card
        aria-label="Runs"
        aria-busy={!historyLoaded}
        className="grid min-h-64 place-items-center p-8 text-center"
      >
        <div className="max-w-sm">
          <h2 className="font-medium">{historyLoaded ? "No runs yet" : "Loading your runs…"}</h2>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
            Add a reference image, describe the edit and press Run. Queue position, live logs and
            results appear here, and stay in this browser.
          </p>
          {historyLoaded && (
            <div className="mt-3 flex justify-center">
              <ImportHistoryButton />
            </div>
          )}
        </div>
      </Card>
    );
  }
  return (
    <section aria-label="Runs" aria-busy={!historyLoaded} className="flex flex-col gap-4">
      <HistoryToolbar count={allRuns.length} />
      {starredOnly && runs.length === 0 && (
        <Card className="p-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
          No starred results. Star one with its ☆ button (or S in the full-screen view) to find it
          here.
        </Card>
      )}
      {runs
        .slice(0, shown)
        .map((entry) =>
          entry.kind === "run" ? (
            <RunCard key={entry.run.id} run={entry.run} />
          ) : (
            <GridCard key={entry.id} cells={entry.cells} filter={filter} />
          ),
        )}
      <SelectionBar sharing={sharing} />
      {more && (
        <div ref={sentinel} className="flex justify-center">
          <Button variant="secondary" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, runs.length - shown)} more of {runs.length - shown}
          </Button>
        </div>
      )}
    </section>
  );
}
