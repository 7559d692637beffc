/**
 * The zod schemas of review links: what the share API accepts from an owner (create, act, ask
 * for status) and from a client (feedback). Bounds come from share.ts; the server checks every
 * body with these, and the owner's dialog checks its form with the create schema before sending.
 */
import { z } from "zod";
import { DEFAULT_SHARE_EXPIRY, MARKS, SHARE_EXPIRIES, SHARE_LIMITS } from "./share";

/** What the client sees besides the images; prompt and parameters are off by default. */
export const shareOptionsSchema = z.strictObject({
  showPrompt: z.boolean().default(false),
  showParameters: z.boolean().default(false),
  showReferences: z.boolean().default(false),
  beforeAfter: z.boolean().default(false),
});
export type ShareOptions = z.output<typeof shareOptionsSchema>;

/**
 * Characters that only disguise text: control characters, and the bidirectional overrides and
 * isolates that reorder what follows them (a comment that reads backwards to its owner). Dropped.
 */
const DISGUISING =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/g;
/** Line and paragraph breaks, tabs and carriage returns. */
const BREAKS = /\r\n?|[\n\t\u2028\u2029]/g;

/**
 * Text a person wrote, as others will read it: composed (NFC), without disguising characters,
 * trimmed and bounded. Only `lines: "many"` texts (notes, comments, prompts) keep line breaks, as
 * "\n"; in the others a break becomes a space.
 */
const text = (max: number, label: string, lines: "one" | "many" = "one") =>
  z
    .string()
    .overwrite((value) => {
      const composed = value.normalize("NFC").replace(DISGUISING, "");
      return lines === "many"
        ? composed.replace(BREAKS, (b) => (b === "\t" ? "\t" : "\n"))
        : composed.replace(BREAKS, " ");
    })
    .trim()
    .max(max, { error: `${label} is limited to ${max.toLocaleString("en")} characters.` });

/** One image as the owner's browser describes it; URLs are checked by the service (share-urls). */
export const shareImageInputSchema = z.strictObject({
  url: z.string().max(2_048),
  width: z.int().min(1).max(16_384).optional(),
  height: z.int().min(1).max(16_384).optional(),
  contentType: z.enum(["image/png", "image/jpeg", "image/webp"]).optional(),
  prompt: text(SHARE_LIMITS.promptChars, "A prompt", "many").optional(),
  /** Parameters as label → value, already formatted by the app (e.g. "Steps": "28"). */
  parameters: z.record(text(40, "A parameter name"), text(200, "A parameter value")).optional(),
  seed: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  model: text(60, "A model name").optional(),
  referenceUrls: z.array(z.string().max(2_048)).max(10).optional(),
});
export type ShareImageInput = z.infer<typeof shareImageInputSchema>;

export const createShareSchema = z.strictObject({
  title: text(SHARE_LIMITS.titleChars, "The title").min(1, { error: "Give the share a title." }),
  note: text(SHARE_LIMITS.noteChars, "The note", "many").optional(),
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

/** What a client sends from the share page: a mark, a comment, or both, on one image. */
export const feedbackInputSchema = z
  .strictObject({
    imageId: z.string().regex(/^\d{1,2}$/),
    mark: z.enum(MARKS).nullable().optional(),
    comment: text(SHARE_LIMITS.commentChars, "A comment", "many").optional(),
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
