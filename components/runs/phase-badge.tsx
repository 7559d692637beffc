import { cn } from "@/lib/cn";
import type { Run, RunPhase } from "@/lib/store/runs";

const PHASE_STYLE: Record<RunPhase, { label: string; className: string }> = {
  planned: {
    label: "Waiting to send",
    className: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400",
  },
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

const WAITING_TEXT = {
  offline: "Offline · resumes when you are back online",
  reconnecting: "Reconnecting to fal…",
} as const;

/** Where the run is, in one word (plus queue position), and why it is waiting when it is. */
export function PhaseBadge({ run }: { run: Run }) {
  const phase = PHASE_STYLE[run.phase];
  return (
    <>
      <span
        role="status"
        className={cn("rounded-full px-2.5 py-0.5 text-xs font-semibold", phase.className)}
      >
        {phase.label}
        {run.phase === "queued" &&
          run.queuePosition !== undefined &&
          ` · position ${run.queuePosition + 1}`}
      </span>
      {run.waiting && (
        <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-300">
          {WAITING_TEXT[run.waiting]}
        </span>
      )}
    </>
  );
}
