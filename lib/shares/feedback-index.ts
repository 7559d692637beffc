/**
 * Clients' feedback turned around to the gallery's side: per image (its selection key) the
 * counts, per run the comments. Built once per list of shares and cached by identity, so every
 * figure's store selector returns the same object until a poll brings something new (zustand
 * re-renders on a new object, and would loop on one made in the selector).
 */
import type { OwnedShare } from "./owned-share";

export interface ImageFeedbackCounts {
  approved: number;
  changes: number;
  comments: number;
}

export interface RunComment {
  id: string;
  shareTitle: string;
  /** Which of the run's images (0-based). */
  imageIndex: number;
  name?: string;
  text: string;
  at: number;
}

export interface FeedbackIndex {
  byImage: ReadonlyMap<string, ImageFeedbackCounts>;
  /** Oldest first, as written. */
  commentsByRun: ReadonlyMap<string, readonly RunComment[]>;
}

/** `runId:index` → its parts; run ids are UUIDs, so the last colon splits them. */
function parseKey(key: string): { runId: string; index: number } | undefined {
  const at = key.lastIndexOf(":");
  const index = Number(key.slice(at + 1));
  return at > 0 && Number.isInteger(index) ? { runId: key.slice(0, at), index } : undefined;
}

function buildIndex(shares: readonly OwnedShare[]): FeedbackIndex {
  const byImage = new Map<string, ImageFeedbackCounts>();
  const commentsByRun = new Map<string, RunComment[]>();
  const counts = (key: string) => {
    let entry = byImage.get(key);
    if (!entry) byImage.set(key, (entry = { approved: 0, changes: 0, comments: 0 }));
    return entry;
  };
  for (const share of shares) {
    const feedback = share.lastSummary?.feedback;
    if (!feedback) continue;
    const keyOf = new Map(share.images.map((image) => [image.imageId, image.key]));
    for (const mark of feedback.marks) {
      const key = keyOf.get(mark.imageId);
      if (!key || mark.mark === null) continue;
      counts(key)[mark.mark === "approved" ? "approved" : "changes"]++;
    }
    for (const comment of feedback.comments) {
      const key = keyOf.get(comment.imageId);
      const place = key && parseKey(key);
      if (!place) continue;
      counts(key).comments++;
      const list = commentsByRun.get(place.runId) ?? [];
      list.push({
        id: `${share.id}/${comment.id}`,
        shareTitle: share.title,
        imageIndex: place.index,
        name: comment.name,
        text: comment.text,
        at: comment.at,
      });
      commentsByRun.set(place.runId, list);
    }
  }
  for (const list of commentsByRun.values()) list.sort((a, b) => a.at - b.at);
  return { byImage, commentsByRun };
}

const cache = new WeakMap<readonly OwnedShare[], FeedbackIndex>();

/** The index of `shares`, built once per array (the store replaces the array on every change). */
export function feedbackIndexOf(shares: readonly OwnedShare[]): FeedbackIndex {
  let index = cache.get(shares);
  if (!index) cache.set(shares, (index = buildIndex(shares)));
  return index;
}

/** "2 approved, 1 needs changes, 3 comments from clients": the badges' accessible name. */
export function feedbackLabel({ approved, changes, comments }: ImageFeedbackCounts): string {
  const parts = [
    approved && `${approved} approved`,
    changes && `${changes} ${changes === 1 ? "needs" : "need"} changes`,
    comments && `${comments} ${comments === 1 ? "comment" : "comments"}`,
  ].filter(Boolean);
  return `${parts.join(", ")} from clients`;
}
