/**
 * The client's side of a share: what the page may show, whether this visitor may see it (the
 * passcode), and the feedback they send. No session is involved: a client never needs the
 * playground's password, and nothing here can spend anything.
 */
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { takeFeedback, takeNewReviewer } from "./counters";
import { SHARE_ERROR_TYPES, ShareError } from "./errors";
import { proofMatches } from "./passcode";
import type { PublicFeedback, PublicShare } from "./public-share";
import { feedbackInputSchema } from "./share-schemas";
import { SHARE_LIMITS, shareState, type ShareFeedback, type ShareRecord } from "./share";
import { appShareStore } from "./store/app-store";

/** The cookie that names a reviewer, so "the same client" changing their mind replaces a mark. */
export const REVIEWER_COOKIE = "share_reviewer";
export const REVIEWER_COOKIE_MAX_AGE = 365 * 86_400;
export const newReviewerId = () => randomBytes(16).toString("base64url");
export const isReviewerId = (value: string | undefined): value is string =>
  value !== undefined && /^[A-Za-z0-9_-]{22}$/.test(value);

export function publicShare(share: ShareRecord, now = Date.now()): PublicShare {
  return {
    id: share.id,
    title: share.title,
    note: share.note,
    options: share.options,
    images: share.images.map((image) => ({
      id: image.id,
      width: image.width,
      height: image.height,
      src: image.url,
      prompt: image.prompt,
      parameters: image.parameters,
      seed: image.seed,
      model: image.model,
      referenceCount: image.referenceUrls?.length ?? 0,
    })),
    createdAt: share.createdAt,
    expiresAt: share.expiresAt,
    locked: shareState(share, now) === "locked",
  };
}

/** Counts per image and the comment thread, with only "is this mine" about who wrote what. */
export function publicFeedback(feedback: ShareFeedback, reviewerId?: string): PublicFeedback {
  const images: PublicFeedback["images"] = {};
  for (const mark of feedback.marks) {
    const entry = (images[mark.imageId] ??= { approved: 0, changes: 0, mine: null });
    if (mark.mark === "approved") entry.approved += 1;
    if (mark.mark === "changes") entry.changes += 1;
    if (reviewerId && mark.reviewerId === reviewerId) entry.mine = mark.mark;
  }
  return {
    images,
    comments: feedback.comments.map((c) => ({
      id: c.id,
      imageId: c.imageId,
      name: c.name,
      text: c.text,
      at: c.at,
      mine: reviewerId !== undefined && c.reviewerId === reviewerId,
    })),
  };
}

/** The share when this visitor may see it; the refusal that says why otherwise. */
export async function viewableShare(
  id: string,
  accessCookie: string | undefined,
  now = Date.now(),
): Promise<ShareRecord> {
  const share = await appShareStore().get(id);
  if (!share) throw new ShareError(404, SHARE_ERROR_TYPES.notFound, "This link doesn't exist.");
  const state = shareState(share, now);
  if (state === "expired" || state === "revoked") {
    throw new ShareError(
      410,
      SHARE_ERROR_TYPES.gone,
      state === "expired" ? "This link has expired." : "This link was revoked by its owner.",
    );
  }
  if (share.passcodeHash && !proofMatches(share.id, share.passcodeHash, accessCookie)) {
    throw new ShareError(
      401,
      SHARE_ERROR_TYPES.passcodeRequired,
      "Enter this link's passcode first (reload the page).",
    );
  }
  return share;
}

/** A mark and/or a comment from a client; returns the feedback as that client now sees it. */
export async function recordFeedback(
  id: string,
  body: unknown,
  context: { client: string; reviewerId: string; accessCookie?: string },
  now = Date.now(),
): Promise<PublicFeedback> {
  const input = feedbackInputSchema.parse(body);
  const share = await viewableShare(id, context.accessCookie, now);
  if (shareState(share, now) === "locked") {
    throw new ShareError(409, SHARE_ERROR_TYPES.locked, "Feedback on this link is closed.");
  }
  if (!share.images.some((image) => image.id === input.imageId)) {
    throw new ShareError(422, SHARE_ERROR_TYPES.invalid, "There is no such image in this share.");
  }
  await takeFeedback(context.client);
  const store = appShareStore();
  const name = input.name || undefined;
  // Every refusal before any write: a request with a mark and a comment saves both or neither.
  if (input.comment && (await store.commentCount(id)) >= SHARE_LIMITS.commentsPerShare) {
    throw new ShareError(
      409,
      SHARE_ERROR_TYPES.tooLarge,
      `This link has reached its limit of ${SHARE_LIMITS.commentsPerShare} comments.`,
    );
  }
  if (input.mark !== undefined) {
    const { marks } = await store.feedback(id);
    if (!marks.some((m) => m.reviewerId === context.reviewerId)) {
      const reviewers = new Set(marks.map((m) => m.reviewerId)).size;
      if (reviewers >= SHARE_LIMITS.reviewersPerShare) {
        throw new ShareError(
          409,
          SHARE_ERROR_TYPES.tooLarge,
          `Nothing was saved: this link has reached its limit of ${SHARE_LIMITS.reviewersPerShare} reviewers. Comments on their own still reach its owner.`,
        );
      }
      await takeNewReviewer(context.client, id);
    }
    await store.setMark(id, {
      imageId: input.imageId,
      reviewerId: context.reviewerId,
      mark: input.mark,
      name,
      at: now,
    });
  }
  if (input.comment) {
    await store.addComment(id, {
      id: randomUUID(),
      imageId: input.imageId,
      reviewerId: context.reviewerId,
      name,
      text: input.comment,
      at: now,
    });
  }
  return publicFeedback(await store.feedback(id), context.reviewerId);
}
