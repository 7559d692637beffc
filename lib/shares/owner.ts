/**
 * The owner's side of shares: make one, ask how they are doing, lock, extend or revoke them.
 * The owner's rights come from a random secret returned once at creation and kept in the owner's
 * browser; the store keeps only its SHA-256, so neither the link nor the store grants them.
 */
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { takeShareCreation } from "./counters";
import { SHARE_ERROR_TYPES, ShareError } from "./errors";
import { hashPasscode } from "./passcode";
import {
  EXPIRY_MS,
  SHARE_LIMITS,
  shareState,
  type ShareFeedback,
  type ShareImage,
  type ShareRecord,
  type ShareSummary,
} from "./share";
import { createShareSchema, shareActionSchema, shareStatusRequestSchema } from "./share-schemas";
import { shareableUrl, type UrlRules } from "./share-urls";
import { appShareStore } from "./store/app-store";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

function ownerMatches(share: ShareRecord, secret: string): boolean {
  const expected = Buffer.from(share.ownerHash, "hex");
  const actual = Buffer.from(sha256(secret), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A reviewer as the owner sees them: a stable tag, never the cookie that lets them write. */
const reviewerTag = (reviewerId: string) => sha256(`reviewer:${reviewerId}`).slice(0, 10);

export interface CreatedShare {
  id: string;
  secret: string;
  path: string;
  expiresAt: number | null;
}

/** Checks, trims to what the client may see, stores; throws ShareError (or a ZodError). */
export async function createShare(
  body: unknown,
  context: { client: string; rules: UrlRules; now?: number },
): Promise<CreatedShare> {
  const input = createShareSchema.parse(body);
  const now = context.now ?? Date.now();
  const { options } = input;
  const images: ShareImage[] = input.images.map((image, index) => {
    const url = shareableUrl(image.url, context.rules);
    if (!url) throw refusedUrl(`Image ${index + 1}`);
    const references = (image.referenceUrls ?? []).map((raw, k) => {
      const ref = shareableUrl(raw, context.rules);
      if (!ref) throw refusedUrl(`Reference ${k + 1} of image ${index + 1}`);
      return ref;
    });
    // What the client may not see is not stored at all: a leak of the store cannot show it.
    const keptReferences = options.showReferences
      ? references
      : options.beforeAfter
        ? references.slice(0, 1)
        : [];
    return {
      id: String(index),
      url,
      width: image.width,
      height: image.height,
      contentType: image.contentType,
      ...(options.showPrompt && image.prompt && { prompt: image.prompt }),
      ...(options.showParameters && {
        parameters: image.parameters,
        seed: image.seed,
        model: image.model,
      }),
      ...(keptReferences.length > 0 && { referenceUrls: keptReferences }),
    };
  });
  const secret = randomBytes(32).toString("base64url");
  const expiryMs = EXPIRY_MS[input.expiry];
  const record: ShareRecord = {
    id: randomBytes(16).toString("base64url"),
    title: input.title,
    ...(input.note && { note: input.note }),
    options,
    images,
    createdAt: now,
    expiresAt: expiryMs === null ? null : now + expiryMs,
    lockedAt: null,
    revokedAt: null,
    passcodeHash: input.passcode ? await hashPasscode(input.passcode) : null,
    ownerHash: sha256(secret),
  };
  if (Buffer.byteLength(JSON.stringify(record)) > SHARE_LIMITS.recordBytes) {
    throw new ShareError(
      413,
      SHARE_ERROR_TYPES.tooLarge,
      `This share is too large to keep (over ${SHARE_LIMITS.recordBytes / 1024} KB of text): share fewer images or turn off prompts and parameters.`,
    );
  }
  await takeShareCreation(context.client);
  await appShareStore().create(record);
  return { id: record.id, secret, path: `/s/${record.id}`, expiresAt: record.expiresAt };
}

const refusedUrl = (what: string) =>
  new ShareError(
    422,
    SHARE_ERROR_TYPES.invalid,
    `${what} is not a file this playground made (only fal's media links and this app's demo files can be shared).`,
  );

function ownerFeedback(feedback: ShareFeedback): ShareFeedback {
  return {
    marks: feedback.marks.map((m) => ({ ...m, reviewerId: reviewerTag(m.reviewerId) })),
    comments: feedback.comments.map((c) => ({ ...c, reviewerId: reviewerTag(c.reviewerId) })),
  };
}

async function summarize(share: ShareRecord, now: number): Promise<ShareSummary> {
  const store = appShareStore();
  const [[views = 0], feedback] = await Promise.all([
    store.views([share.id]),
    store.feedback(share.id),
  ]);
  return {
    id: share.id,
    state: shareState(share, now),
    title: share.title,
    imageCount: share.images.length,
    views,
    createdAt: share.createdAt,
    expiresAt: share.expiresAt,
    lockedAt: share.lockedAt,
    feedback: ownerFeedback(feedback),
  };
}

/** The owner's shares, each with its state, views and feedback; wrong secrets read as missing. */
export async function shareSummaries(body: unknown, now = Date.now()): Promise<ShareSummary[]> {
  const { shares } = shareStatusRequestSchema.parse(body);
  const store = appShareStore();
  return Promise.all(
    shares.map(async ({ id, secret }) => {
      const share = await store.get(id);
      if (!share || !ownerMatches(share, secret)) return { id, state: "missing" as const };
      return summarize(share, now);
    }),
  );
}

/** Lock, unlock, extend or revoke; only with the owner's secret. */
export async function applyOwnerAction(
  id: string,
  body: unknown,
  now = Date.now(),
): Promise<ShareSummary> {
  const action = shareActionSchema.parse(body);
  const store = appShareStore();
  const share = await store.get(id);
  // The same answer for "no such share" and "not yours": a guess learns nothing.
  if (!share || !ownerMatches(share, action.secret)) {
    throw new ShareError(404, SHARE_ERROR_TYPES.notFound, "No share with this id belongs to you.");
  }
  if (share.revokedAt !== null) {
    throw new ShareError(410, SHARE_ERROR_TYPES.gone, "This share was revoked; it cannot change.");
  }
  const change =
    action.action === "lock"
      ? { lockedAt: now }
      : action.action === "unlock"
        ? { lockedAt: null }
        : action.action === "revoke"
          ? { revokedAt: now }
          : {
              expiresAt: EXPIRY_MS[action.expiry] === null ? null : now + EXPIRY_MS[action.expiry]!,
            };
  const updated = await store.update(id, change);
  if (!updated) throw new ShareError(404, SHARE_ERROR_TYPES.notFound, "This share is gone.");
  return summarize(updated, now);
}
