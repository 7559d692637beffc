"use client";

import dynamic from "next/dynamic";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import type { PublicFeedback } from "@/lib/shares/public-share";
import { ReviewContext, type ReviewImage, type ReviewState } from "./review-context";
import { useFeedbackSync } from "./use-feedback-sync";

// The lightbox, the zoom and the comment thread are most of this page's script, and a phone on
// a slow link should not pay for them before the first image: they load on the first open.
const ShareLightbox = dynamic(() => import("./share-lightbox").then((m) => m.ShareLightbox), {
  ssr: false,
});
const preload = () => void import("./share-lightbox");

/**
 * The review's state for everything interactive on the page (marks, comment counts, images that
 * expired, the lightbox). The tiles themselves stay server-rendered children.
 */
export function ShareReviewProvider({
  shareId,
  images,
  locked: initiallyLocked,
  feedback: initialFeedback,
  children,
}: {
  shareId: string;
  images: readonly ReviewImage[];
  locked: boolean;
  feedback: PublicFeedback;
  children: ReactNode;
}) {
  const { feedback, sendingComments, notices, locked, setMark, postComment } = useFeedbackSync(
    shareId,
    initialFeedback,
    initiallyLocked,
  );
  const [expired, setExpired] = useState<ReadonlySet<string>>(() => new Set());
  const [viewing, setViewing] = useState<{ index: number; focusComment: boolean }>();
  // Written on every keystroke, read when a comment box opens: no render needs it.
  const [drafts] = useState(() => new Map<string, string>());

  const markExpired = useCallback(
    (imageId: string) => setExpired((set) => (set.has(imageId) ? set : new Set(set).add(imageId))),
    [],
  );
  const open = useCallback(
    (index: number, focusComment = false) => setViewing({ index, focusComment }),
    [],
  );

  const commentCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const { imageId } of feedback.comments)
      counts.set(imageId, (counts.get(imageId) ?? 0) + 1);
    return counts;
  }, [feedback.comments]);

  const value = useMemo<ReviewState>(
    () => ({
      shareId,
      images,
      feedback,
      commentCounts,
      sendingComments,
      locked,
      notices,
      expired,
      drafts,
      setMark,
      postComment,
      markExpired,
      open,
      preload,
    }),
    [
      shareId,
      images,
      feedback,
      commentCounts,
      sendingComments,
      locked,
      notices,
      expired,
      drafts,
      setMark,
      postComment,
      markExpired,
      open,
    ],
  );

  return (
    <ReviewContext value={value}>
      {children}
      {viewing && (
        <ShareLightbox
          index={viewing.index}
          focusComment={viewing.focusComment}
          onClose={() => setViewing(undefined)}
        />
      )}
    </ReviewContext>
  );
}
