"use client";

import { useEffect, useMemo, useRef } from "react";
import { cn } from "@/lib/cn";
import { useReview } from "./review-context";
import { commentTime } from "./share-dates";

/** An image's comments in the order they were written, each with its name and time. */
export function CommentThread({ imageId, labelledBy }: { imageId: string; labelledBy: string }) {
  const { feedback, sendingComments } = useReview();
  const comments = useMemo(
    () => feedback.comments.filter((comment) => comment.imageId === imageId),
    [feedback.comments, imageId],
  );
  const end = useRef<HTMLLIElement>(null);

  // The newest comment is at the bottom, next to the box it was written in: keep it in view.
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [comments.length]);

  if (comments.length === 0) {
    return <p className="px-4 pb-3 text-sm text-zinc-500 dark:text-zinc-400">No comments yet.</p>;
  }
  return (
    // Focusable, so a keyboard can scroll a long thread (axe: scrollable-region-focusable).
    <ol
      tabIndex={0}
      aria-labelledby={labelledBy}
      className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto overscroll-contain px-4 pb-3"
    >
      {comments.map((comment, i) => {
        const sending = sendingComments.has(comment.id);
        return (
          <li
            key={comment.id}
            ref={i === comments.length - 1 ? end : undefined}
            className={cn(
              "rounded-lg px-3 py-2",
              comment.mine ? "bg-accent-50 dark:bg-accent-700/20" : "bg-zinc-100 dark:bg-zinc-800",
              sending && "opacity-70",
            )}
          >
            <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
              <span className="font-medium break-all text-zinc-800 dark:text-zinc-200">
                {comment.name || "Reviewer"}
                {comment.mine && " (you)"}
              </span>
              {sending ? (
                <span>Sending…</span>
              ) : (
                <time dateTime={new Date(comment.at).toISOString()}>{commentTime(comment.at)}</time>
              )}
            </p>
            <p className="mt-1 text-sm break-words whitespace-pre-wrap">{comment.text}</p>
          </li>
        );
      })}
    </ol>
  );
}
