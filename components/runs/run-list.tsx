"use client";

import { useEffect } from "react";
import { useOnDemand } from "@/components/use-on-demand";
import { Card } from "@/components/ui/card";
import { onDemand } from "@/lib/on-demand";
import type { ShareAvailability } from "@/lib/shares/availability";
import { usePlayground } from "@/lib/store/playground-store";
import { ImportHistoryButton } from "./import-history-button";
import { readLocal, writeLocal } from "@/lib/local-storage";

/**
 * The run list, its cards and their results load once there is a run to show: an empty history
 * (every first visit) never fetches them (npm run bench, first-load). They are fetched as soon as
 * a prompt is being written, so a first run's card does not wait for them.
 */
export const runListBody = onDemand(() => import("./run-list-body"));

/**
 * Kept in localStorage while this browser has runs: a returning visit then fetches the list's code
 * as the page starts, while the history is still being read, instead of after it (npm run bench,
 * history-load). A stale hint costs one fetch of code the page may soon need anyway.
 */
const HAS_RUNS_HINT = "hidream-playground.has-runs";

/** The history: its empty state here, the list itself (run-list-body.tsx) once there are runs. */
export function RunList({ sharing }: { sharing: ShareAvailability }) {
  const hasRuns = usePlayground((s) => s.runs.length > 0);
  const historyLoaded = usePlayground((s) => s.historyLoaded);
  // A run needs a prompt: once one is being written, the list is fetched ahead of the first card.
  const composing = usePlayground((s) => s.prompt !== "");
  const body = useOnDemand(runListBody, hasRuns || composing);
  useEffect(() => {
    // Storage blocked: no hint, and the list loads once the history says so.
    if (readLocal(HAS_RUNS_HINT) === "1") void runListBody.preload().catch(() => {});
  }, []);
  useEffect(() => {
    if (historyLoaded) writeLocal(HAS_RUNS_HINT, hasRuns ? "1" : null);
  }, [historyLoaded, hasRuns]);

  if (hasRuns && body) return <body.RunListBody sharing={sharing} />;
  // Still reading the history, or the list's code is on its way: busy, so nothing acts on it yet.
  const ready = historyLoaded && !hasRuns;
  return (
    <Card
      aria-label="Runs"
      aria-busy={!ready}
      className="grid min-h-64 place-items-center p-8 text-center"
    >
      <div className="max-w-sm">
        <h2 className="font-medium">{ready ? "No runs yet" : "Loading your runs…"}</h2>
        <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
          Add a reference image, describe the edit and press Run. Queue position, live logs and
          results appear here, and stay in this browser.
        </p>
        {ready && (
          <div className="mt-3 flex justify-center">
            <ImportHistoryButton />
          </div>
        )}
      </div>
    </Card>
  );
}
