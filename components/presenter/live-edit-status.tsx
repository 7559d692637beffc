"use client";

import { useNow } from "@/components/runs/use-now";
import { liveProgressOf } from "@/lib/presenter/live-edit";
import { progressWords } from "@/lib/presenter/words";
import { describeError } from "@/lib/runs/run-error";
import { runTimings } from "@/lib/runs/run-timings";
import type { Run } from "@/lib/store/runs";

/** The presenter's view of a live edit in flight: phase, step, time so far, and Cancel run. */
export function LiveEditStatus({ run, onCancel }: { run: Run; onCancel: () => void }) {
  const now = useNow(true);
  // The audience's words, so both screens say the same thing.
  const progress = liveProgressOf(run);
  // An in-flight run can carry an error and still go on (signed out: it resumes after sign-in).
  const stalled = run.error && describeError(run.error);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span role="status" className="font-medium text-zinc-100">
        {progress ? progressWords(progress) : "Ending…"}
      </span>
      <span className="text-xs text-zinc-400 tabular-nums">{runTimings(run, now)}</span>
      {stalled && (
        <span className="text-xs text-amber-400">
          {stalled.title}: {stalled.message}
        </span>
      )}
      <button
        type="button"
        className="ml-auto rounded-md px-2 py-1 text-xs text-zinc-300 hover:bg-zinc-800 hover:text-zinc-100 disabled:cursor-not-allowed disabled:text-zinc-500"
        // Nothing to cancel on fal before it has named the request.
        disabled={!run.requestId || run.cancelRequested}
        onClick={onCancel}
      >
        {run.cancelRequested ? "Cancelling…" : "Cancel run"}
      </button>
    </div>
  );
}
