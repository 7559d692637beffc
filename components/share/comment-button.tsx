"use client";

import { useReview } from "./review-context";
import { ShareIcon } from "./share-icons";

/** How many comments an image has; opens the lightbox with the comment box ready. */
export function CommentButton({
  imageId,
  index,
  imageLabel,
}: {
  imageId: string;
  index: number;
  imageLabel: string;
}) {
  const { commentCounts, locked, open, preload } = useReview();
  const count = commentCounts.get(imageId) ?? 0;
  // Starts with the visible number, so voice control users can say what they see.
  const name = `${count} ${count === 1 ? "comment" : "comments"} on ${imageLabel}: ${
    locked ? "read" : count === 0 ? "write one" : "read or reply"
  }`;

  return (
    <button
      type="button"
      onClick={() => open(index, !locked)}
      onPointerEnter={preload}
      onFocus={preload}
      aria-label={name}
      title={name}
      className="inline-flex min-h-9 items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm font-medium text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
    >
      <ShareIcon name="comment" />
      <span className="tabular-nums">{count}</span>
    </button>
  );
}
