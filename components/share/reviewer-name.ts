import { SHARE_LIMITS } from "@/lib/shares/share";
import { readLocal, writeLocal } from "@/lib/local-storage";

// Per browser, not per share: a client reviewing several links signs them all the same way.
const KEY = "hidream-share-reviewer-name";

/** The name this browser signs feedback with, or "" (storage may be off in private windows). */
export function readReviewerName(): string {
  return (readLocal(KEY) ?? "").slice(0, SHARE_LIMITS.nameChars);
}

/** Remembers the name for the next comment and the next visit; an empty name forgets it. */
export function saveReviewerName(name: string): void {
  // Storage may refuse (private mode, quota): the name still goes with this page's feedback.
  writeLocal(KEY, name.trim() ? name : null);
}
