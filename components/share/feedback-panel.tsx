"use client";

import { useId, type KeyboardEvent } from "react";
import { ACTION_CLOSE, useEvents } from "yet-another-react-lightbox";
import { downloadPath } from "@/lib/shares/public-share";
import { cn } from "@/lib/cn";
import { CommentForm } from "./comment-form";
import { CommentThread } from "./comment-thread";
import { MarkButtons } from "./mark-buttons";
import { useReview, type ReviewImage } from "./review-context";
import { ShareIcon } from "./share-icons";

const SMALL_BUTTON =
  "inline-flex min-h-9 items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm font-medium text-zinc-700 transition-colors hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

/**
 * The lightbox's side of one image: download, marks, the comment thread and the comment box.
 * On phones it is a sheet under the image showing the marks, opened for the comments.
 */
export function FeedbackPanel({
  image,
  index,
  total,
  focusComment,
  expanded,
  onExpandedChange,
}: {
  image: ReviewImage;
  index: number;
  total: number;
  focusComment: boolean;
  /** Narrow screens only: the sheet shows the thread and the comment box. */
  expanded: boolean;
  onExpandedChange(expanded: boolean): void;
}) {
  const { shareId, commentCounts } = useReview();
  const { publish } = useEvents();
  const titleId = useId();
  const bodyId = useId();
  const commentsId = useId();
  const label = `Image ${index + 1}`;
  const count = commentCounts.get(image.id) ?? 0;

  // The panel sits outside the library's keyboard handling (so typing never pages the images):
  // Esc has to close from here as well, unless an input method is composing a character.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || event.nativeEvent.isComposing) return;
    event.preventDefault();
    publish(ACTION_CLOSE);
  };

  return (
    <aside
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      className={cn(
        "absolute inset-x-0 bottom-0 flex flex-col border-t border-zinc-200 bg-white text-zinc-900 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100",
        "lg:inset-y-0 lg:left-auto lg:h-full lg:w-(--share-side) lg:border-t-0 lg:border-l",
        expanded
          ? "max-lg:h-[min(85dvh,44rem)] max-lg:rounded-t-2xl max-lg:shadow-2xl"
          : "max-lg:h-(--share-sheet)",
      )}
    >
      <div className="flex items-center gap-1 px-4 pt-3 pb-2">
        <h2 id={titleId} className="mr-auto text-sm font-semibold">
          {label} <span className="font-normal text-zinc-500 dark:text-zinc-400">of {total}</span>
        </h2>
        <a href={downloadPath(shareId, image.id)} download className={SMALL_BUTTON}>
          <ShareIcon name="download" />
          <span className="max-sm:sr-only">Download original</span>
        </a>
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => onExpandedChange(!expanded)}
          className={cn(SMALL_BUTTON, "lg:hidden")}
        >
          <ShareIcon name="comment" />
          <span className="tabular-nums">{count}</span>
          <span className="sr-only">{count === 1 ? "comment" : "comments"}</span>
          <ShareIcon name={expanded ? "collapse" : "expand"} />
        </button>
      </div>
      <div className="@container px-4 pb-3">
        <MarkButtons imageId={image.id} imageLabel={label} />
      </div>
      <div
        id={bodyId}
        className={cn(
          "flex min-h-0 flex-1 flex-col border-t border-zinc-200 dark:border-zinc-800",
          !expanded && "max-lg:hidden",
        )}
      >
        <section aria-labelledby={commentsId} className="flex min-h-0 flex-1 flex-col">
          <h3 id={commentsId} className="px-4 pt-3 pb-2 text-sm font-semibold">
            Comments <span className="font-normal text-zinc-500 dark:text-zinc-400">({count})</span>
          </h3>
          <CommentThread imageId={image.id} labelledBy={commentsId} />
        </section>
        <CommentForm imageId={image.id} imageLabel={label} autoFocus={focusComment} />
      </div>
    </aside>
  );
}
