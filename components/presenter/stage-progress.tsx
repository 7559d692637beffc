import type { LiveProgress } from "@/lib/presenter/types";
import { progressFraction, progressWords } from "@/lib/presenter/words";

/**
 * A live edit in progress, as the audience sees it: a thin bar along the top and a few calm
 * words (its place in line, then its step). No logs and no errors: those are the presenter's.
 */
export function StageProgress({ progress }: { progress: LiveProgress }) {
  const fraction = progressFraction(progress);
  return (
    <div className="pointer-events-none absolute inset-x-0 top-0">
      <div className="h-1 w-full bg-white/10">
        {fraction === undefined ? (
          <div key="waiting" className="h-full w-full bg-accent-400/60 motion-safe:animate-pulse" />
        ) : (
          // Keyed apart from the waiting bar, so the first step grows from nothing, not from full.
          <div
            key="steps"
            className="h-full bg-accent-400 transition-[width] duration-500 motion-reduce:transition-none"
            style={{ width: `${Math.round(fraction * 100)}%` }}
          />
        )}
      </div>
      <p
        role="status"
        className="mx-auto mt-3 w-fit rounded-full bg-black/70 px-4 py-1.5 text-sm text-zinc-100"
      >
        Making a new version… <span className="text-zinc-400">{progressWords(progress)}</span>
      </p>
    </div>
  );
}
