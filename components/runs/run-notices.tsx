import type { Run } from "@/lib/store/runs";
import { describeError } from "@/lib/runs/run-error";
import { silenceOf, silenceText } from "@/lib/runs/silence";

/** What the card says besides its status: the run's error, a late result, or fal's silence. */
export function RunNotices({ run, now }: { run: Run; now: number }) {
  const quiet = silenceOf(run, now);
  const words = run.error && describeError(run.error);
  return (
    <>
      {quiet !== undefined && (
        <p
          role="status"
          className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
        >
          No news from fal for {silenceText(quiet)}. Still following this run: it picks up as soon
          as fal answers{run.phase === "queued" ? " (a long queue is often quiet)" : ""}.
        </p>
      )}
      {words && (
        <div
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950/50"
        >
          <p className="font-medium text-red-800 dark:text-red-300">{words.title}</p>
          <p className="mt-0.5 text-red-700 dark:text-red-400">{words.message}</p>
        </div>
      )}
      {run.phase === "completed" && run.cancelRequested && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          fal finished this run before the cancel reached it; the result is kept.
        </p>
      )}
    </>
  );
}
