/**
 * Stars on a run's results: the images the user marked to keep at hand (and to present). Kept on
 * the run's record as image indexes, so they live, travel and die with the run.
 */
import type { RunRecord } from "./run-record";

/** Whether image `index` of `run` is starred. */
export function isStarred(run: Pick<RunRecord, "starred">, index: number): boolean {
  return run.starred?.includes(index) ?? false;
}

/** The starred indexes with `index` flipped: ascending, and undefined once none is left. */
export function toggledStars(
  starred: readonly number[] | undefined,
  index: number,
): number[] | undefined {
  const set = new Set(starred);
  if (!set.delete(index)) set.add(index);
  return set.size > 0 ? [...set].sort((a, b) => a - b) : undefined;
}

/**
 * A history file's `starred`, made safe to render: whole indexes of images the run has,
 * ascending, no repeats; undefined when nothing valid is left. A file may come from anywhere.
 */
export function readStars(value: unknown, imageCount: number): number[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const valid = value.filter(
    (i): i is number => Number.isInteger(i) && (i as number) >= 0 && (i as number) < imageCount,
  );
  const stars = [...new Set(valid)].sort((a, b) => a - b);
  return stars.length > 0 ? stars : undefined;
}
