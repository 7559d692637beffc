/**
 * A share as its owner's browser keeps it: the secret that gives the owner rights (only here and
 * in exported history), which gallery images went into it, and what the last status call said.
 * Pure: the store, IndexedDB, the Shared view and the gallery badges all read these helpers.
 */
import { SHARE_EXPIRIES, type ShareState, type ShareSummary } from "./share";

export interface OwnedShareImage {
  /** The gallery's selection key, `runId:index`. */
  key: string;
  /** Its id in the share: "0", "1", … in the order sent. */
  imageId: string;
}

export interface OwnedShare {
  id: string;
  secret: string;
  title: string;
  /** The link's path (sharePath(id)); the origin is added when shown, since hosts change. */
  path: string;
  createdAt: number;
  expiresAt: number | null;
  images: OwnedShareImage[];
  lastSummary?: ShareSummary;
  /** Feedback entries (marks and comments) the owner has seen, for the "new" badge. */
  seenFeedback: number;
}

/** What the owner sees as the share's state; "missing" when the server no longer knows it. */
export type OwnedShareState = ShareState | "missing";

/**
 * The state now: the last summary's, unless the expiry has passed since (polls are 30 s apart).
 * Before any summary, a new share is open.
 */
export function ownedShareState(share: OwnedShare, now = Date.now()): OwnedShareState {
  const state = share.lastSummary?.state ?? "open";
  if (
    (state === "open" || state === "locked") &&
    share.expiresAt !== null &&
    now >= share.expiresAt
  )
    return "expired";
  return state;
}

/** Marks (not cleared ones) and comments in a summary: what "feedback entries" counts. */
export function feedbackTotal(summary: ShareSummary | undefined): number {
  const feedback = summary?.feedback;
  if (!feedback) return 0;
  return feedback.marks.filter((m) => m.mark !== null).length + feedback.comments.length;
}

/** Feedback entries not yet seen, over every share. */
export function unseenFeedback(shares: readonly OwnedShare[]): number {
  return shares.reduce(
    (sum, share) => sum + Math.max(0, feedbackTotal(share.lastSummary) - share.seenFeedback),
    0,
  );
}

/** The share with its summary replaced, taking the expiry the server now reports. */
export function withSummary(share: OwnedShare, summary: ShareSummary): OwnedShare {
  return {
    ...share,
    lastSummary: summary,
    ...(summary.expiresAt !== undefined && { expiresAt: summary.expiresAt }),
  };
}

/** The shares of `incoming` that `known` lacks, by id: an import never overwrites ours. */
export function newShares(
  known: readonly OwnedShare[],
  incoming: readonly OwnedShare[],
): OwnedShare[] {
  const ids = new Set(known.map((share) => share.id));
  return incoming.filter((share) => !ids.has(share.id) && ids.add(share.id));
}

/** Words for each expiry choice, shared by the dialog and the Extend menu. */
export const EXPIRY_LABELS: Record<(typeof SHARE_EXPIRIES)[number], string> = {
  "1d": "1 day",
  "7d": "7 days",
  "30d": "30 days",
  never: "No expiry",
};
