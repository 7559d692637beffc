"use client";

import type { CSSProperties, ReactNode } from "react";
import { cn } from "@/lib/cn";
import type { ShownSlide } from "./use-shown-slide";

/**
 * The widest box of the image's shape that fits the stage (container query units: the stage is
 * the container), so the wipe's divider and the before image line up with the picture itself.
 */
function frameStyle(width: number, height: number): CSSProperties {
  return { aspectRatio: `${width} / ${height}`, width: `min(100cqw, ${width / height} * 100cqh)` };
}

/**
 * One slide's picture, fitted to the stage at full resolution. A new layer is drawn over the last
 * one (which fades out beneath it), so the stage is never empty between slides.
 */
export function StageLayer({
  shown,
  leaving,
  children,
}: {
  shown: ShownSlide;
  /** The slide being replaced: fading out, hidden from assistive technology. */
  leaving?: boolean;
  /** Drawn over the picture, inside its box (the wipe). */
  children?: ReactNode;
}) {
  const { slide, image } = shown;
  const width = image?.naturalWidth || slide.width || 1;
  const height = image?.naturalHeight || slide.height || 1;
  return (
    <div
      aria-hidden={leaving || undefined}
      className={cn(
        // The new picture is drawn at once, whole, over the last one, which fades out beneath it
        // (seen only where the two differ in shape). Fading the new one in instead kept it
        // half-drawn for 350 ms after the key press (npm run bench, presenter-slides).
        "absolute inset-0 grid place-items-center transition-opacity duration-350 ease-in motion-reduce:transition-none",
        leaving && "opacity-0",
      )}
    >
      {image ? (
        <div className="relative" style={frameStyle(width, height)}>
          {/* eslint-disable-next-line @next/next/no-img-element -- the result as fal made it, full size, not re-encoded */}
          <img
            src={slide.src}
            alt={slide.prompt}
            width={width}
            height={height}
            decoding="sync"
            draggable={false}
            className="absolute inset-0 size-full object-contain select-none"
          />
          {children}
        </div>
      ) : (
        <div className="max-w-md p-6 text-center text-zinc-300">
          <p className="text-lg font-medium text-white">This image could not be loaded</p>
          <p className="mt-1 text-sm">fal keeps result files for a limited time.</p>
        </div>
      )}
    </div>
  );
}
