"use client";

import type { ImageFile } from "@/lib/endpoint";
import { cn } from "@/lib/cn";
import { Icon } from "./icons";
import { aspectOf, isInline } from "./image-facts";
import { SafetyVeil } from "./safety-veil";

/**
 * One output image in a box of its final aspect, so nothing jumps while it loads. fal's URL is
 * shown as is (no next/image): the bytes are fal's, and re-processing them would cost and alter.
 */
export function ResultImage({
  image,
  index,
  flagged,
  revealed,
  expired,
  onToggleReveal,
  onExpired,
  onOpen,
}: {
  image: ImageFile;
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
  return (
    <div
      className="relative overflow-hidden rounded-lg bg-zinc-100 dark:bg-zinc-800"
      style={{ aspectRatio: aspectOf(image) }}
    >
      {expired ? (
        <div className="flex size-full flex-col items-center justify-center gap-2 border border-dashed border-zinc-300 p-4 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          <Icon name="clock" className="size-6" />
          <p className="max-w-xs text-balance">
            {isInline(image.url)
              ? "This inline image could not be displayed"
              : "Expired — fal keeps result files for a limited time"}
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
          {/* eslint-disable-next-line @next/next/no-img-element -- fal's URL shown as is, not re-processed by our server */}
          <img
            src={image.url}
            alt={`Result ${number}`}
            width={image.width}
            height={image.height}
            loading="lazy"
            decoding="async"
            onError={onExpired}
            className={cn(
              "size-full object-contain transition-[filter,scale] duration-300",
              // Scaled up so the blur's soft edges do not show the picture's outline.
              veiled && "scale-125 blur-2xl",
            )}
          />
        </button>
      )}
      {flagged && !expired && (
        <SafetyVeil number={number} revealed={revealed} onToggle={onToggleReveal} />
      )}
    </div>
  );
}
