/**
 * Client review links, stated once: what the owner sends to make a share, what the server keeps,
 * what a client sends back, and every bound on them. The share API, both stores, the share page
 * and the owner's dialog all read this file; the zod schemas that check what arrives are in
 * share-schemas.ts.
 */
// Types only from the schemas: this file is in the page's first load, and zod stays out of it.
import type { ShareOptions } from "./share-schemas";

export type {
  CreateShareInput,
  FeedbackInput,
  ShareAction,
  ShareImageInput,
  ShareOptions,
} from "./share-schemas";

export const SHARE_LIMITS = {
  imagesPerShare: 60,
  titleChars: 120,
  noteChars: 2_000,
  commentChars: 1_000,
  nameChars: 60,
  promptChars: 4_000,
  passcodeChars: { min: 4, max: 128 },
  /** The stored record (JSON) may not pass this: images, texts and options together. */
  recordBytes: 256 * 1024,
  sharesPerClientPerDay: 50,
  feedbackPerClientPerMinute: 30,
  passcodeAttemptsPerClientPerMinute: 10,
  passcodeAttemptsPerSharePerHour: 60,
  /** Comments kept per share; past it, new ones are refused (marks can still change). */
  commentsPerShare: 2_000,
  /**
   * Reviewers who may mark one share's images, and new ones one address may bring in a day. A
   * reviewer is a browser (a cookie), so without these anyone could stuff the approval counts by
   * dropping the cookie; an office behind one address still fits many people.
   */
  reviewersPerShare: 100,
  newReviewersPerClientPerSharePerDay: 20,
  /** Shares an owner may ask about in one status call. */
  statusBatch: 100,
} as const;

/** How long a share lives; "never" keeps it until revoked (fal's files may still expire). */
export const SHARE_EXPIRIES = ["1d", "7d", "30d", "never"] as const;
export type ShareExpiry = (typeof SHARE_EXPIRIES)[number];
export const DEFAULT_SHARE_EXPIRY: ShareExpiry = "7d";
export const EXPIRY_MS: Record<ShareExpiry, number | null> = {
  "1d": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
  never: null,
};
/** A gone share (expired or revoked) is remembered this long so its link says why, then forgotten. */
export const TOMBSTONE_MS = 30 * 86_400_000;

/** A share id: 16 random bytes (128 bits) as base64url, 22 characters. */
export const SHARE_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const isShareId = (value: string) => SHARE_ID_PATTERN.test(value);

/** One image as stored and shown: only what the options allow the client to see. */
export interface ShareImage {
  /** Its place in the share: "0", "1", … */
  id: string;
  /** An https URL on fal's media hosts, or a path to this app's demo files ("/api/demo-fal/files/…"). */
  url: string;
  width?: number;
  height?: number;
  contentType?: string;
  prompt?: string;
  parameters?: Record<string, string>;
  seed?: number;
  model?: string;
  referenceUrls?: string[];
}

/** A share as the store keeps it. Times are epoch milliseconds. */
export interface ShareRecord {
  id: string;
  title: string;
  note?: string;
  options: ShareOptions;
  images: ShareImage[];
  createdAt: number;
  /** null: kept until revoked. */
  expiresAt: number | null;
  lockedAt: number | null;
  /** A revoked share keeps only its id and times (a tombstone): images, texts and feedback go. */
  revokedAt: number | null;
  /** scrypt of the passcode ("scrypt$N$r$p$salt$hash"), or null for none. */
  passcodeHash: string | null;
  /** SHA-256 (hex) of the owner's secret: the secret itself is only in the owner's browser. */
  ownerHash: string;
}

export type ShareState = "open" | "locked" | "expired" | "revoked";

export function shareState(share: ShareRecord, now = Date.now()): ShareState {
  if (share.revokedAt !== null) return "revoked";
  if (share.expiresAt !== null && now >= share.expiresAt) return "expired";
  if (share.lockedAt !== null) return "locked";
  return "open";
}

/** When the store may forget a share altogether (its tombstone's end), or null for never. */
export function forgetAt(share: ShareRecord): number | null {
  if (share.revokedAt !== null) return share.revokedAt + TOMBSTONE_MS;
  if (share.expiresAt !== null) return share.expiresAt + TOMBSTONE_MS;
  return null;
}

export const MARKS = ["approved", "changes"] as const;
export type Mark = (typeof MARKS)[number];

/** A client's latest mark on one image: one per (image, reviewer); the newest wins. */
export interface MarkEntry {
  imageId: string;
  /** A random id kept in the reviewer's cookie: who "the same client" is. */
  reviewerId: string;
  mark: Mark | null;
  name?: string;
  at: number;
}

export interface CommentEntry {
  id: string;
  imageId: string;
  reviewerId: string;
  name?: string;
  text: string;
  at: number;
}

export interface ShareFeedback {
  marks: MarkEntry[];
  /** In the order they were written. */
  comments: CommentEntry[];
}

/** What the owner's browser learns about one of its shares (status calls, polled). */
export interface ShareSummary {
  id: string;
  state: ShareState | "missing";
  title?: string;
  imageCount?: number;
  views?: number;
  createdAt?: number;
  expiresAt?: number | null;
  lockedAt?: number | null;
  feedback?: ShareFeedback;
}
