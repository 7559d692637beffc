"use client";

import { useEffect, useRef, type MouseEvent } from "react";
import { THUMB_WIDTHS, thumbPath } from "@/lib/shares/public-share";
import { TILE_SIZES } from "./grid-layout";
import type { ReviewImage } from "./review-context";

/**
 * A tile's picture: a WebP thumbnail the browser picks by width, inside a link to the original.
 * Without JavaScript the link opens the file itself; with it, the lightbox opens instead.
 */
export function TileImage({
  shareId,
  image,
  label,
  priority,
  onOpen,
  onPreload,
  onExpired,
}: {
  shareId: string;
  image: ReviewImage;
  label: string;
  priority: boolean;
  onOpen(): void;
  onPreload(): void;
  onExpired(): void;
}) {
  const img = useRef<HTMLImageElement>(null);

  // A thumbnail can fail before hydration, when no onError is listening yet: a broken image is
  // complete with no pixels. (A lazy one not yet fetched is not complete.)
  useEffect(() => {
    if (img.current?.complete && img.current.naturalWidth === 0) onExpired();
  }, [onExpired]);

  const onClick = (event: MouseEvent) => {
    // A modified click keeps the browser's meaning (new tab, new window, download).
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    onOpen();
  };

  return (
    <a
      href={image.src}
      onClick={onClick}
      onPointerEnter={onPreload}
      onFocus={onPreload}
      aria-label={`Open ${label} full size`}
      // Inset focus ring: the tile clips anything drawn outside it.
      className="block size-full cursor-zoom-in rounded-[inherit] focus-visible:outline-offset-[-4px]"
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- the share's own thumbnail route already resizes to WebP */}
      <img
        ref={img}
        src={thumbPath(shareId, image.id, 640)}
        srcSet={THUMB_WIDTHS.map((w) => `${thumbPath(shareId, image.id, w)} ${w}w`).join(", ")}
        sizes={TILE_SIZES}
        width={image.width}
        height={image.height}
        alt={label}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : undefined}
        decoding={priority ? undefined : "async"}
        onError={onExpired}
        className="size-full object-contain"
      />
    </a>
  );
}
