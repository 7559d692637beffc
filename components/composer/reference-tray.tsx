"use client";

import { useOnDemand } from "@/components/use-on-demand";
import { onDemand } from "@/lib/on-demand";
import { INPUT_RANGES } from "@/lib/endpoint";
import { usePlayground } from "@/lib/store/playground-store";
import { preloadPreparer } from "@/lib/store/references";
import { ReferenceAdder } from "./reference-adder";
import { ReferenceMeter } from "./reference-meter";

// The sortable list (with dnd-kit) loads with the first reference, or on a sign that one is coming.
const sortable = onDemand(() => import("./sortable-references"));
/**
 * Loads the sortable list and the preparer ahead of the first reference (hover, focus, a drag over
 * the page).
 */
export const preloadReferenceList = () => {
  void sortable.preload().catch(() => {});
  preloadPreparer();
};
/** The list's box, shared with its placeholder so nothing moves when the list arrives. */
export const REFERENCE_LIST_CLASS = "grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-3";

/** The references in the order the model receives them; drag or use the keyboard to reorder. */
export function ReferenceTray({ onBrowse }: { onBrowse: () => void }) {
  const notices = usePlayground((s) => s.notices);
  const references = usePlayground((s) => s.references);
  const list = useOnDemand(sortable, references.length > 0);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between">
        <h2 className="text-sm font-semibold">Reference images</h2>
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          {references.length}/{INPUT_RANGES.referenceImages.max}
        </span>
      </div>
      <ReferenceMeter />
      {references.length > 0 &&
        (list ? (
          <list.SortableReferences references={references} />
        ) : (
          // Until the list arrives (a few ms): a tile per reference, where it will be.
          <ol aria-hidden className={REFERENCE_LIST_CLASS}>
            {references.map((r) => (
              <li key={r.id} className="flex flex-col gap-1">
                <div className="aspect-square rounded-lg border border-zinc-200 bg-zinc-100 dark:border-zinc-800 dark:bg-zinc-800" />
                <div className="h-7" />
              </li>
            ))}
          </ol>
        ))}
      <ReferenceAdder
        onBrowse={onBrowse}
        full={references.length >= INPUT_RANGES.referenceImages.max}
      />
      {notices.length > 0 && (
        <ul
          role="alert"
          aria-label="Files not added"
          className="flex flex-col gap-1 rounded-lg border border-red-200 bg-red-50 p-2.5 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300"
        >
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
