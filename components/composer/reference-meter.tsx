"use client";

import { ENDPOINTS, referenceResolution, taskOf } from "@/lib/endpoint";
import { usePlayground } from "@/lib/store/playground-store";

const FULL_DETAIL = referenceResolution(1);

/**
 * What the references ask the model to do, and how much of each it sees: the model shrinks every
 * reference as their number grows, so people see why ten references lose detail one keeps.
 */
export function ReferenceMeter() {
  const count = usePlayground((s) => s.references.length);
  const model = usePlayground((s) => s.form.model);
  const { label, minReferences } = ENDPOINTS[model];
  const task = taskOf(count);
  if (count < minReferences) {
    return (
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {label} edits and personalizes: add a reference. Full can also start from text alone.
      </p>
    );
  }
  if (count === 0) {
    return (
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        <span className="font-medium text-zinc-700 dark:text-zinc-200">Text to image</span>: no
        reference. Add one to edit it, several to personalize.
      </p>
    );
  }
  const pixels = referenceResolution(count);
  return (
    <div className="flex items-center gap-3 text-xs text-zinc-500 dark:text-zinc-400">
      <p className="min-w-0 flex-1">
        <span className="font-medium text-zinc-700 dark:text-zinc-200">
          {task[0]!.toUpperCase()}
          {task.slice(1)}
        </span>
        {" · "}
        {count === 1 ? "seen" : "each seen"} at about {pixels} px
      </p>
      <div
        role="meter"
        aria-label="Detail the model keeps of each reference"
        aria-valuemin={0}
        aria-valuemax={FULL_DETAIL}
        aria-valuenow={pixels}
        aria-valuetext={`about ${pixels} pixels on the long side`}
        className="h-1.5 w-20 shrink-0 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div
          className={pixels >= 1024 ? "h-full bg-emerald-500" : "h-full bg-amber-500"}
          style={{ width: `${(pixels / FULL_DETAIL) * 100}%` }}
        />
      </div>
    </div>
  );
}
