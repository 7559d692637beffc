import type { PublicComment, PublicFeedback, PublicImageFeedback } from "@/lib/shares/public-share";
import type { Mark } from "@/lib/shares/share";

/** One thing a reviewer sent that the server has not answered yet. */
export type PendingFeedback =
  | { seq: number; kind: "mark"; imageId: string; mark: Mark | null }
  | { seq: number; kind: "comment"; imageId: string; text: string; name?: string; at: number };

const NO_MARKS: PublicImageFeedback = { approved: 0, changes: 0, mine: null };

/** An image's counts and this reviewer's mark; zeros when nobody has marked it. */
export const imageFeedback = (feedback: PublicFeedback, imageId: string) =>
  feedback.images[imageId] ?? NO_MARKS;

/** A comment not yet saved has no server id: its id says which request it belongs to. */
export const pendingCommentId = (seq: number) => `pending-${seq}`;

/**
 * The feedback as it will be once `pending` is saved: the reviewer's own mark moves from one
 * count to the other, a comment joins the end of the thread. The server's answer replaces it.
 */
export function withPending(feedback: PublicFeedback, pending: PendingFeedback): PublicFeedback {
  if (pending.kind === "comment") {
    const comment: PublicComment = {
      id: pendingCommentId(pending.seq),
      imageId: pending.imageId,
      name: pending.name,
      text: pending.text,
      at: pending.at,
      mine: true,
    };
    return { ...feedback, comments: [...feedback.comments, comment] };
  }
  const before = imageFeedback(feedback, pending.imageId);
  const counts = { approved: before.approved, changes: before.changes };
  if (before.mine) counts[before.mine] = Math.max(0, counts[before.mine] - 1);
  if (pending.mark) counts[pending.mark] += 1;
  return {
    ...feedback,
    images: { ...feedback.images, [pending.imageId]: { ...counts, mine: pending.mark } },
  };
}

/** The mark a toggle button sends: pressing the reviewer's current mark takes it back. */
export const toggledMark = (current: Mark | null, pressed: Mark): Mark | null =>
  current === pressed ? null : pressed;
