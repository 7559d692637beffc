"use client";

import { useEffect } from "react";
import type { ImageFile } from "@/lib/endpoint";
import { cn } from "@/lib/cn";
import { Icon } from "./icons";
import { aspectOf, isInline } from "./image-facts";
import { SafetyVeil } from "./safety-veil";
import { useThumbnail } from "./use-thumbnail";

const EXPIRED = "Expired — fal keeps result files for a limited time";

/**
 * One output image in a box of its final aspect, so nothing jumps while it loads. The box shows
 * the result's thumbnail (kept in this browser, made once by our server from fal's file); the
 * full-size file is fetched only when opened, compared or downloaded. Once fal has deleted the
 * original, the kept thumbnail stays, marked expired.
 */
export function ResultImage({
  image,
  selectKey,
  index,
  flagged,
  revealed,
  expired,
  onToggleReveal,
  onExpired,
  onOpen,
}: {
  image: ImageFile;
  /** The result's key (`runId:index`), under which its thumbnail is kept. */
  selectKey: string;
  index: number;
  flagged: boolean;
  revealed: boolean;
  expired: boolean;
  onToggleReveal(): void;
  onExpired(): void;
  onOpen(): void;
}) {
  const number = index + 1;
  const veiled = flagged && !revealed;
  const { ref, view } = useThumbnail<HTMLDivElement>(selectKey, image.url);
  const gone = expired || view?.expired === true;
  // A thumbnail kept from before fal deleted the file; never the (dead) original's URL.
  const preview = view?.src && view.src !== image.url ? view.src : undefined;
  useEffect(() => {
    if (view?.expired && !expired) onExpired();
  }, [view?.expired, expired, onExpired]);

  const picture = (src: string) => (
    // eslint-disable-next-line @next/next/no-img-element -- a kept thumbnail (blob:) or fal's URL as is
    <img
      src={src}
      alt={`Result ${number}`}
      width={image.width}
      height={image.height}
      loading="lazy"
      decoding="async"
      // Only the original's URL can fail for being gone; a kept thumbnail is in this browser.
      onError={src === image.url ? onExpired : undefined}
      className={cn(
        "size-full object-contain transition-[filter,scale] duration-300",
        // Scaled up so the blur's soft edges do not show the picture's outline.
        veiled && "scale-125 blur-2xl",
      )}
    />
  );

  return (
    <div
      ref={ref}
      className="relative overflow-hidden rounded-lg bg-zinc-100 dark:bg-zinc-800"
      style={{ aspectRatio: aspectOf(image) }}
    >
      {gone && preview ? (
        <>
          {picture(preview)}
          <p className="absolute inset-x-2 bottom-2 flex items-center gap-1.5 rounded-md bg-zinc-950/75 px-2 py-1 text-xs text-white backdrop-blur-sm">
            <Icon name="clock" className="size-4 shrink-0" />
            <span>{EXPIRED}; this is the preview kept in your browser.</span>
          </p>
        </>
      ) : gone ? (
        <div className="flex size-full flex-col items-center justify-center gap-2 border border-dashed border-zinc-300 p-4 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          <Icon name="clock" className="size-6" />
          <p className="max-w-xs text-balance">
            {isInline(image.url) ? "This inline image could not be displayed" : EXPIRED}
          </p>
        </div>
      ) : (
        <button
          type="button"
          aria-label={`Open image ${number} in the lightbox`}
          // The veil's own buttons are the only way in while the image is hidden.
          disabled={veiled}
          onClick={onOpen}
          className="block size-full cursor-zoom-in disabled:cursor-default"
        >
          {view?.src && picture(view.src)}
        </button>
      )}
      {flagged && (!gone || preview) && (
        <SafetyVeil number={number} revealed={revealed} onToggle={onToggleReveal} />
      )}
    </div>
  );
}
