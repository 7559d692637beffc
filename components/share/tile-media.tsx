"use client";

import dynamic from "next/dynamic";
import { useCallback, useState } from "react";
import { cn } from "@/lib/cn";
import { CommentButton } from "./comment-button";
import { ExpiredImage } from "./expired-image";
import { MarkButtons } from "./mark-buttons";
import { useReview, type ReviewImage } from "./review-context";
import { ShareIcon } from "./share-icons";
import { TileImage } from "./tile-image";

const TileCompare = dynamic(() => import("./tile-compare").then((m) => m.TileCompare), {
  ssr: false,
});

/** CSS aspect-ratio of a tile: the image's own, square when the share does not know its size. */
const aspectOf = ({ width, height }: ReviewImage) =>
  width && height ? `${width} / ${height}` : "1 / 1";

/**
 * One shared image and what a client does with it: open it, mark it, count and open its
 * comments, and (when the owner allowed it) slide between it and its reference.
 */
export function TileMedia({
  shareId,
  image,
  index,
  label,
  priority,
  canCompare,
}: {
  shareId: string;
  image: ReviewImage;
  index: number;
  label: string;
  priority: boolean;
  canCompare: boolean;
}) {
  const { expired, markExpired, open, preload } = useReview();
  const [comparing, setComparing] = useState(false);
  const isExpired = expired.has(image.id);
  const onExpired = useCallback(() => markExpired(image.id), [markExpired, image.id]);

  return (
    <>
      <div
        className="relative overflow-hidden rounded-xl bg-zinc-200/70 ring-1 ring-zinc-900/5 dark:bg-zinc-900 dark:ring-white/10"
        style={{ aspectRatio: aspectOf(image) }}
      >
        {isExpired ? (
          <ExpiredImage label={label} />
        ) : comparing ? (
          <TileCompare shareId={shareId} image={image} />
        ) : (
          <TileImage
            shareId={shareId}
            image={image}
            label={label}
            priority={priority}
            onOpen={() => open(index)}
            onPreload={preload}
            onExpired={onExpired}
          />
        )}
        {!comparing && (
          // The number clients quote back ("the third one"): said by the heading to screen readers.
          <span
            aria-hidden="true"
            className="pointer-events-none absolute top-2 left-2 rounded-full bg-zinc-950/70 px-2 py-0.5 text-xs font-medium text-white tabular-nums"
          >
            {index + 1}
          </span>
        )}
      </div>
      <div className="flex flex-wrap items-start justify-between gap-x-2 gap-y-1">
        <MarkButtons imageId={image.id} imageLabel={label} />
        <div className="ml-auto flex items-center gap-1">
          {canCompare && !isExpired && (
            <button
              type="button"
              aria-pressed={comparing}
              onClick={() => setComparing((on) => !on)}
              title={`Before / after: ${label} against its reference`}
              className={cn(
                "inline-flex min-h-9 items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm font-medium text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
                "aria-pressed:bg-accent-100 aria-pressed:text-accent-700 dark:aria-pressed:bg-accent-700/30 dark:aria-pressed:text-accent-100",
              )}
            >
              <ShareIcon name="compare" />
              <span className="sr-only sm:not-sr-only">Before / after</span>
              <span className="sr-only"> ({label})</span>
            </button>
          )}
          <CommentButton imageId={image.id} index={index} imageLabel={label} />
        </div>
      </div>
    </>
  );
}
