"use client";

import { useThumbnail } from "@/components/gallery/use-thumbnail";
import { cn } from "@/lib/cn";

/** A grid cell's picture: the result's kept thumbnail, never the full-size file. */
export function GridThumbnail({
  thumbKey,
  url,
  alt,
  flagged,
}: {
  /** The result's key (`runId:index`). */
  thumbKey: string;
  url: string;
  alt: string;
  flagged: boolean;
}) {
  const { ref, view } = useThumbnail<HTMLSpanElement>(thumbKey, url);
  return (
    <span ref={ref} className="block size-full">
      {view?.src && (
        // eslint-disable-next-line @next/next/no-img-element -- a kept thumbnail (blob:) or fal's URL as is
        <img
          src={view.src}
          alt={alt}
          loading="lazy"
          decoding="async"
          className={cn("size-full object-cover", flagged && "blur-xl")}
        />
      )}
    </span>
  );
}
