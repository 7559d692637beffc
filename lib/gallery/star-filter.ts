/**
 * The gallery's "Starred only" view: which runs and images it lists. An image unstarred while the
 * view is on stays listed (`kept`) until the view is switched, so the star button the user just
 * pressed does not vanish from under the pointer and take keyboard focus with it.
 */
import type { RunRecord } from "@/lib/history/run-record";
import { isStarred } from "@/lib/history/stars";
import { selectionKey } from "@/lib/store/selection";

export interface StarFilter {
  starredOnly: boolean;
  /** Keys (`runId:index`) unstarred while the view was on, listed until it is switched. */
  kept: readonly string[];
}

/** Everything listed: the gallery without the view. */
export const NO_STAR_FILTER: StarFilter = { starredOnly: false, kept: [] };

type FilteredRun = Pick<RunRecord, "id" | "output" | "starred">;

/** Whether the gallery lists image `index` of `run` under `filter`. */
export function showsImage(run: FilteredRun, index: number, filter: StarFilter): boolean {
  return (
    !filter.starredOnly ||
    isStarred(run, index) ||
    filter.kept.includes(selectionKey(run.id, index))
  );
}

/** Whether the gallery lists `run` at all: with the view on, only runs with an image listed. */
export function showsRun(run: FilteredRun, filter: StarFilter): boolean {
  return (
    !filter.starredOnly || (run.output?.images ?? []).some((_, i) => showsImage(run, i, filter))
  );
}
