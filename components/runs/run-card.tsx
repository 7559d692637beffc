"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { usePlayground } from "@/lib/store/playground-store";
import type { Run, RunPhase } from "@/lib/store/runs";
import { ResultImage } from "./result-image";
import { RunLogs } from "./run-logs";
import { progressFromLogs } from "./run-progress";
import { useNow } from "./use-now";

const PHASE_STYLE: Record<RunPhase, { label: string; className: string }> = {
  submitting: {
    label: "Submitting",
    className: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  },
  queued: {
    label: "In queue",
    className: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  },
  running: {
    label: "Running",
    className: "bg-accent-100 text-accent-700 dark:bg-accent-700/25 dark:text-accent-400",
  },
  completed: {
    label: "Completed",
    className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  },
  failed: {
    label: "Failed",
    className: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  },
  cancelled: {
    label: "Cancelled",
    className: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  },
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function RunCard({ run }: { run: Run }) {
  const cancelRun = usePlayground((s) => s.cancelRun);
  const active = run.phase === "submitting" || run.phase === "queued" || run.phase === "running";
  const now = useNow(active);
  const progress = progressFromLogs(run.logs);
  const phase = PHASE_STYLE[run.phase];
  const output = run.output;
  const inference = output?.timings.inference;

  return (
    <Card aria-label={`Run: ${run.input.prompt}`} className="flex flex-col gap-3 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <span
          role="status"
          className={cn("rounded-full px-2.5 py-0.5 text-xs font-semibold", phase.className)}
        >
          {phase.label}
          {run.phase === "queued" &&
            run.queuePosition !== undefined &&
            ` · position ${run.queuePosition + 1}`}
        </span>
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          {seconds((run.completedAt ?? now) - run.submittedAt)}
          {inference !== undefined && ` · inference ${inference.toFixed(1)} s`}
          {output && ` · seed ${output.seed}`}
        </span>
        {active && run.requestId && (
          <Button
            variant="ghost"
            className="ml-auto px-2 py-1 text-xs"
            disabled={run.cancelRequested}
            onClick={() => void cancelRun(run.id)}
          >
            {run.cancelRequested ? "Cancelling…" : "Cancel"}
          </Button>
        )}
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
      {run.error && (
        <div
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950/50"
        >
          <p className="font-medium text-red-800 dark:text-red-300">{run.error.title}</p>
          <p className="mt-0.5 text-red-700 dark:text-red-400">{run.error.message}</p>
        </div>
      )}
      {output && (
        <div className={cn("grid gap-3", output.images.length > 1 && "sm:grid-cols-2")}>
          {output.images.map((image, index) => (
            <ResultImage
              key={image.url}
              image={image}
              index={index}
              flagged={output.has_nsfw_concepts[index] ?? false}
            />
          ))}
        </div>
      )}
      {(active || run.logs.length > 0) && (
        <details open={active} className="group">
          <summary className="cursor-pointer text-xs font-medium text-zinc-600 select-none dark:text-zinc-400">
            Logs ({run.logs.length})
          </summary>
          <div className="mt-2">
            <RunLogs logs={run.logs} />
          </div>
        </details>
      )}
    </Card>
  );
}
