"use client";

import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { usePlayground } from "@/lib/store/playground-store";
import { SelectionBar } from "@/components/gallery/selection-bar";
import { GridCard } from "@/components/grid/grid-card";
import { showsRun } from "@/lib/gallery/star-filter";
import type { ShareAvailability } from "@/lib/shares/availability";
import type { Run } from "@/lib/store/runs";
import { HistoryToolbar } from "./history-toolbar";
import { RunBoundary } from "./run-boundary";
import { RunCard } from "./run-card";
import { useListWindow } from "./use-list-window";

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

const keyOf = (entry: Entry) => (entry.kind === "run" ? entry.run.id : `grid:${entry.id}`);

/**
 * The history once it has a run (run-list.tsx loads this module then, so a first visit does not
 * pay for the cards): runs, newest first, as a list of which only a window near the screen is rendered (see
 * useListWindow): the history can hold 10,000 runs. Each item says its place in the whole list
 * (aria-posinset/aria-setsize), so a screen reader announces "run 37 of 10,000" though the others
 * are not in the page; Tab and Shift+Tab move through the runs as the window follows the focus.
 */
export function RunListBody({ sharing }: { sharing: ShareAvailability }) {
  const allRuns = usePlayground((s) => s.runs);
  const starredOnly = usePlayground((s) => s.starredOnly);
  const kept = usePlayground((s) => s.starredOnlyKept);
  const filter = useMemo(() => ({ starredOnly, kept }), [starredOnly, kept]);
  // A grid stays whole (its axes need every cell's place) when any of its cells is listed.
  const runs = useMemo(
    () =>
      entriesOf(allRuns).filter((entry) =>
        entry.kind === "run"
          ? showsRun(entry.run, filter)
          : entry.cells.some((cell) => showsRun(cell, filter)),
      ),
    [allRuns, filter],
  );
  const keys = useMemo(() => runs.map(keyOf), [runs]);
  const historyLoaded = usePlayground((s) => s.historyLoaded);
  const deleteRun = usePlayground((s) => s.deleteRun);
  const {
    window: shown,
    before,
    after,
    top,
    bottom,
    measure,
    onFocus,
    showMore,
    remaining,
    step,
  } = useListWindow(keys, starredOnly);
  const { start, end } = shown;

  return (
    <section aria-label="Runs" aria-busy={!historyLoaded} className="flex flex-col gap-4">
      <HistoryToolbar count={allRuns.length} />
      {starredOnly && runs.length === 0 && (
        <Card className="p-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
          No starred results. Star one with its ☆ button (or S in the full-screen view) to find it
          here.
        </Card>
      )}
      {runs.length > 0 && (
        // The spacers and sentinels are list items hidden from assistive technology.
        <ol className="-mb-4 flex flex-col" onFocus={onFocus}>
          <li aria-hidden ref={top} style={{ height: before }} />
          {runs.slice(start, end).map((entry, i) => (
            <li
              key={keys[start + i]}
              ref={measure}
              data-list-key={keys[start + i]}
              data-list-index={start + i}
              aria-posinset={start + i + 1}
              aria-setsize={runs.length}
              className="pb-4"
            >
              <RunBoundary
                label={entry.kind === "run" ? "A run" : "A variation grid"}
                onDelete={() => {
                  const ids = entry.kind === "run" ? [entry.run.id] : entry.cells.map((c) => c.id);
                  for (const id of ids) void deleteRun(id);
                }}
              >
                {entry.kind === "run" ? (
                  <RunCard run={entry.run} />
                ) : (
                  <GridCard cells={entry.cells} filter={filter} />
                )}
              </RunBoundary>
            </li>
          ))}
          <li aria-hidden ref={bottom} style={{ height: after }} />
        </ol>
      )}
      <SelectionBar sharing={sharing} />
      {remaining > 0 && (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={showMore}>
            Show {Math.min(step, remaining)} more of {remaining}
          </Button>
        </div>
      )}
    </section>
  );
}
