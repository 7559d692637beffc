/**
 * One order for marks in both stores (a Redis hash has none of its own), so the owner's view and
 * the tests do not depend on the backend: oldest first, then by image and reviewer.
 */
import type { MarkEntry } from "../share";

const collator = new Intl.Collator("en", { numeric: true });

export function compareMarks(a: MarkEntry, b: MarkEntry): number {
  return (
    a.at - b.at ||
    collator.compare(a.imageId, b.imageId) ||
    collator.compare(a.reviewerId, b.reviewerId)
  );
}
