"use client";

import { useState } from "react";
import { PresentButton } from "@/components/presenter-setup/present-button";
import { Button } from "@/components/ui/button";
import { exportHistory } from "@/lib/history/history-db";
import { saveBlob } from "@/lib/format/save-blob";
import { usePlayground } from "@/lib/store/playground-store";
import { ImportHistoryButton } from "./import-history-button";
import { StarredOnlyToggle } from "./starred-only-toggle";

/**
 * The history as a whole: how many runs, the Starred-only view, Present, export and import as
 * JSON (with the review links' owner secrets), clear (with a second click to confirm).
 */
export function HistoryToolbar({ count }: { count: number }) {
  const clearRuns = usePlayground((s) => s.clearRuns);
  const [confirming, setConfirming] = useState(false);

  const download = async () => {
    saveBlob(
      await exportHistory(),
      `hidream-history-${new Date().toISOString().slice(0, 10)}.json`,
    );
  };

  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h2 className="text-sm font-semibold">
        Runs{" "}
        <span className="font-normal text-zinc-500 tabular-nums dark:text-zinc-400">({count})</span>
      </h2>
      <div className="flex flex-wrap items-center gap-1">
        <StarredOnlyToggle />
        <PresentButton className="px-2 py-1 text-xs" />
        <Button
          variant="ghost"
          className="px-2 py-1 text-xs"
          title="Runs, logs and your review links with their owner keys: keep the file private"
          onClick={() => void download()}
        >
          Export JSON
        </Button>
        <ImportHistoryButton />
        {confirming ? (
          <span
            role="group"
            aria-label="Confirm clearing the history"
            className="flex items-center gap-1 text-xs"
          >
            Clear every finished run?
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs text-red-700 dark:text-red-400"
              onClick={() => {
                setConfirming(false);
                void clearRuns();
              }}
            >
              Clear
            </Button>
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs"
              onClick={() => setConfirming(false)}
            >
              Keep
            </Button>
          </span>
        ) : (
          <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setConfirming(true)}>
            Clear all
          </Button>
        )}
      </div>
    </div>
  );
}
