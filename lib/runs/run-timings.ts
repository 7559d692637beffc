import type { RunRecord } from "@/lib/history/run-record";

/** The times a run's words are made from (a stored record has them as well as a live run). */
type TimedRun = Pick<RunRecord, "submittedAt" | "startedAt" | "completedAt" | "output">;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The run's times in words: while it runs, the time so far; when done, the queue wait and total
 * wall time measured by the app, and fal's own inference time from `timings`.
 */
export function runTimings(run: TimedRun, now: number): string {
  if (!run.completedAt) return seconds(now - run.submittedAt);
  const parts: string[] = [];
  if (run.startedAt) parts.push(`queued ${seconds(run.startedAt - run.submittedAt)}`);
  const inference = run.output?.timings.inference;
  if (inference !== undefined) parts.push(`inference ${inference.toFixed(1)} s`);
  parts.push(`total ${seconds(run.completedAt - run.submittedAt)}`);
  return parts.join(" · ");
}
