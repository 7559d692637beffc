/**
 * Where shares and their feedback live: one contract, two stores — SQLite in a data folder by
 * default (no setup, survives a restart), Redis when REDIS_URL is set (every instance sees it).
 * Both keep the same promises, checked by one contract test suite (store-contract.test.ts).
 */
import type { CommentEntry, MarkEntry, ShareFeedback, ShareRecord } from "../share";

export interface ShareStore {
  readonly kind: "sqlite" | "redis";
  /** Saves a new share; the id is new (random), so this never overwrites. */
  create(share: ShareRecord): Promise<void>;
  /** The share, including a revoked one's tombstone; null when unknown or forgotten. */
  get(id: string): Promise<ShareRecord | null>;
  /**
   * Changes a share's times. Revoking also drops its images, texts and feedback (the record keeps
   * only id and times). Returns the share as now stored, or null when unknown.
   */
  update(
    id: string,
    change: Partial<Pick<ShareRecord, "expiresAt" | "lockedAt" | "revokedAt">>,
  ): Promise<ShareRecord | null>;
  /** Counts one view and returns the total. */
  addView(id: string): Promise<number>;
  /** Views per share, 0 for unknown ones. */
  views(ids: readonly string[]): Promise<number[]>;
  /** Sets a reviewer's mark on an image (the latest write wins); null clears it. */
  setMark(id: string, entry: MarkEntry): Promise<void>;
  /** Appends a comment; comments keep the order they were written in. */
  addComment(id: string, entry: CommentEntry): Promise<void>;
  /** How many comments a share has (for its bound). */
  commentCount(id: string): Promise<number>;
  feedback(id: string): Promise<ShareFeedback>;
  /** Throws ShareStoreUnavailable when the store cannot be used. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// Next copies modules into several bundles, so `instanceof` can be false across copies: a
// registered symbol brands the error the same in every copy (as counter-store.ts does).
const UNAVAILABLE = Symbol.for("hidream-playground.ShareStoreUnavailable");

/** The store cannot answer (Redis down, the data folder unwritable): callers answer 503. */
export class ShareStoreUnavailable extends Error {
  readonly [UNAVAILABLE] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ShareStoreUnavailable";
  }
}

export function isShareStoreUnavailable(error: unknown): error is ShareStoreUnavailable {
  return typeof error === "object" && error !== null && UNAVAILABLE in error;
}
