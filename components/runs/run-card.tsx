"use client";

import { memo } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { usePlayground } from "@/lib/store/playground-store";
import type { Run } from "@/lib/store/runs";
import { RunResults } from "@/components/gallery/run-results";
import { RunFeedback } from "@/components/share-owner/run-feedback";
import { ModelBadge } from "./model-badge";
import { PhaseBadge } from "./phase-badge";
import { describeError } from "@/lib/runs/run-error";
import { RunLogs } from "./run-logs";
import { RunNotices } from "./run-notices";
import { progressFromLogs } from "./run-progress";
import { runTimings } from "@/lib/runs/run-timings";
import { useNow } from "./use-now";

/**
 * One run. Memoized: the list re-renders as the history streams in and runs update, and a card
 * whose run object is unchanged has nothing new to show.
 */
export const RunCard = memo(function RunCard({ run }: { run: Run }) {
  const cancelRun = usePlayground((s) => s.cancelRun);
  const retryRun = usePlayground((s) => s.retryRun);
  const loadRunLogs = usePlayground((s) => s.loadRunLogs);
  const active = run.phase === "submitting" || run.phase === "queued" || run.phase === "running";
  const now = useNow(active);
  const progress = progressFromLogs(run.logs);
  const canRetry =
    (run.phase === "failed" || run.phase === "cancelled") &&
    (!run.error || describeError(run.error).retryable);

  return (
    <Card
      aria-label={`Run: ${run.input.prompt}`}
      className="flex flex-col gap-3 p-4 [contain-intrinsic-size:auto_24rem] [content-visibility:auto]"
    >
      <div className="flex flex-wrap items-center gap-2">
        <PhaseBadge run={run} />
        <ModelBadge run={run} />
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          {runTimings(run, now)}
        </span>
        <span className="ml-auto flex gap-1">
          {active && run.requestId && (
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs"
              disabled={run.cancelRequested}
              onClick={() => void cancelRun(run.id)}
            >
              {run.cancelRequested ? "Cancelling…" : "Cancel"}
            </Button>
          )}
          {canRetry && (
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs"
              onClick={() => void retryRun(run.id)}
            >
              Retry
            </Button>
          )}
        </span>
      </div>
      <p className="line-clamp-2 text-sm">{run.input.prompt}</p>
      {run.phase === "running" && progress && (
        <div
          role="progressbar"
          aria-label="Denoising steps"
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.step}
          className="h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div
            className="h-full bg-accent-500 transition-[width]"
            style={{ width: `${(progress.step / progress.total) * 100}%` }}
          />
        </div>
      )}
      <RunNotices run={run} now={now} />
      <RunResults run={run} />
      <RunFeedback runId={run.id} imageCount={run.output?.images.length ?? 0} />
      {(active || run.logs.length > 0 || !run.logsLoaded) && (
        <details
          open={active}
          className="group"
          onToggle={(e) => e.currentTarget.open && void loadRunLogs(run.id)}
        >
          <summary className="cursor-pointer text-xs font-medium text-zinc-600 select-none dark:text-zinc-400">
            Logs{run.logsLoaded ? ` (${run.logs.length})` : ""}
          </summary>
          <div className="mt-2">
            <RunLogs logs={run.logs} />
          </div>
        </details>
      )}
    </Card>
  );
});
