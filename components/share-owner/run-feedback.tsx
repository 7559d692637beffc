"use client";

import { useState } from "react";
import { Icon } from "@/components/gallery/icons";
import { feedbackIndexOf, type RunComment } from "@/lib/shares/feedback-index";
import { usePlayground } from "@/lib/store/playground-store";

/** Up to this many comments show open; more start folded, so a busy review keeps cards short. */
const OPEN_UP_TO = 3;

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Clients' comments on this run's images, from the shares that hold them, oldest first. */
export function RunFeedback({ runId, imageCount }: { runId: string; imageCount: number }) {
  const comments = usePlayground((s) => feedbackIndexOf(s.shares).commentsByRun.get(runId));
  if (!comments?.length) return null;
  return <CommentList comments={comments} imageCount={imageCount} />;
}

function CommentList({
  comments,
  imageCount,
}: {
  comments: readonly RunComment[];
  imageCount: number;
}) {
  // Chosen once: a new comment arriving by poll must not fold a list the owner is reading.
  const [open, setOpen] = useState(comments.length <= OPEN_UP_TO);
  return (
    <details
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="rounded-lg bg-zinc-50 px-3 py-2 dark:bg-zinc-950/40"
    >
      <summary className="flex cursor-pointer items-center gap-1.5 text-xs font-medium text-zinc-600 select-none dark:text-zinc-400">
        <Icon name="comment" className="size-3.5" />
        Client comments ({comments.length})
      </summary>
      <ul className="mt-2 flex flex-col gap-2 text-sm">
        {comments.map((comment) => (
          <li key={comment.id} className="flex flex-col gap-0.5">
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              <span className="font-medium text-zinc-700 dark:text-zinc-200">
                {comment.name || "Client"}
              </span>
              {imageCount > 1 && ` on image ${comment.imageIndex + 1}`} ·{" "}
              <time dateTime={new Date(comment.at).toISOString()}>
                {timeFormat.format(comment.at)}
              </time>{" "}
              · <span title="The share it was written on">{comment.shareTitle}</span>
            </p>
            <p className="break-words whitespace-pre-line">{comment.text}</p>
          </li>
        ))}
      </ul>
    </details>
  );
}
