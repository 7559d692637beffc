"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { usePlayground } from "@/lib/store/playground-store";
import { HistoryToolbar } from "./history-toolbar";
import { RunCard } from "./run-card";

/**
 * Cards rendered at first, then per step as the reader scrolls: a card is up to a screen tall, so
 * a few fill the first view, and a long history must not slow the first paint (npm run bench).
 */
const FIRST_PAGE = 4;
const PAGE = 12;

/** Runs, newest first, rendered a page at a time as the reader scrolls. */
export function RunList() {
  const runs = usePlayground((s) => s.runs);
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

  if (runs.length === 0) {
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
        </div>
      </Card>
    );
  }
  return (
    <section aria-label="Runs" aria-busy={!historyLoaded} className="flex flex-col gap-4">
      <HistoryToolbar count={runs.length} />
      {runs.slice(0, shown).map((run) => (
        <RunCard key={run.id} run={run} />
      ))}
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
