/**
 * Client review links, stated once: what the owner sends to make a share, what the server keeps,
 * what a client sends back, and every bound on them. The share API, both stores, the share page
 * and the owner's dialog all read this file.
 */
import { z } from "zod";

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

/** What the client sees besides the images; prompt and parameters are off by default. */
export const shareOptionsSchema = z.strictObject({
  showPrompt: z.boolean().default(false),
  showParameters: z.boolean().default(false),
  showReferences: z.boolean().default(false),
  beforeAfter: z.boolean().default(false),
});
export type ShareOptions = z.output<typeof shareOptionsSchema>;

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} is limited to ${max.toLocaleString("en")} characters.` });

/** One image as the owner's browser describes it; URLs are checked by the service (share-urls). */
export const shareImageInputSchema = z.strictObject({
  url: z.string().max(2_048),
  width: z.int().min(1).max(16_384).optional(),
  height: z.int().min(1).max(16_384).optional(),
  contentType: z.enum(["image/png", "image/jpeg", "image/webp"]).optional(),
  prompt: text(SHARE_LIMITS.promptChars, "A prompt").optional(),
  /** Parameters as label → value, already formatted by the app (e.g. "Steps": "28"). */
  parameters: z.record(text(40, "A parameter name"), text(200, "A parameter value")).optional(),
  seed: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  model: text(60, "A model name").optional(),
  referenceUrls: z.array(z.string().max(2_048)).max(10).optional(),
});
export type ShareImageInput = z.infer<typeof shareImageInputSchema>;

export const createShareSchema = z.strictObject({
  title: text(SHARE_LIMITS.titleChars, "The title").min(1, { error: "Give the share a title." }),
  note: text(SHARE_LIMITS.noteChars, "The note").optional(),
  options: shareOptionsSchema.default({
    showPrompt: false,
    showParameters: false,
    showReferences: false,
    beforeAfter: false,
  }),
  expiry: z.enum(SHARE_EXPIRIES).default(DEFAULT_SHARE_EXPIRY),
  passcode: z
    .string()
    .min(SHARE_LIMITS.passcodeChars.min, {
      error: `A passcode needs at least ${SHARE_LIMITS.passcodeChars.min} characters.`,
    })
    .max(SHARE_LIMITS.passcodeChars.max, {
      error: `A passcode is limited to ${SHARE_LIMITS.passcodeChars.max} characters.`,
    })
    .optional(),
  images: z
    .array(shareImageInputSchema)
    .min(1, { error: "Select at least one image to share." })
    .max(SHARE_LIMITS.imagesPerShare, {
      error: `A share holds at most ${SHARE_LIMITS.imagesPerShare} images.`,
    }),
});
export type CreateShareInput = z.input<typeof createShareSchema>;

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

/** What a client sends from the share page: a mark, a comment, or both, on one image. */
export const feedbackInputSchema = z
  .strictObject({
    imageId: z.string().regex(/^\d{1,2}$/),
    mark: z.enum(MARKS).nullable().optional(),
    comment: text(SHARE_LIMITS.commentChars, "A comment").optional(),
    name: text(SHARE_LIMITS.nameChars, "A name").optional(),
  })
  .refine((input) => input.mark !== undefined || (input.comment ?? "") !== "", {
    error: "Send a mark or a comment.",
  });
export type FeedbackInput = z.infer<typeof feedbackInputSchema>;

/** What the owner may do to a share; rights come from the owner secret, not the link. */
export const shareActionSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("lock"), secret: z.string().max(100) }),
  z.strictObject({ action: z.literal("unlock"), secret: z.string().max(100) }),
  z.strictObject({ action: z.literal("revoke"), secret: z.string().max(100) }),
  z.strictObject({
    action: z.literal("extend"),
    secret: z.string().max(100),
    expiry: z.enum(SHARE_EXPIRIES),
  }),
]);
export type ShareAction = z.infer<typeof shareActionSchema>;

export const shareStatusRequestSchema = z.strictObject({
  shares: z
    .array(z.strictObject({ id: z.string().max(40), secret: z.string().max(100) }))
    .max(SHARE_LIMITS.statusBatch),
});

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
