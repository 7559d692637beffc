"use client";

import { useEffect, useState } from "react";
import type { DecodedImage } from "@/lib/presenter/preload";
import type { Slide } from "@/lib/presenter/types";
import { useDecoded } from "./use-decoded";

/** A slide on stage with its decoded image, or null when its image could not be loaded. */
export interface ShownSlide {
  slide: Slide;
  image: DecodedImage | null;
}

/** How long the crossfade between two slides takes. */
export const CROSSFADE_MS = 350;

/**
 * What the stage draws: the slide whose image is ready, and the one it replaces while they
 * crossfade. A slide takes the stage only once its image is decoded; until then the last one
 * stays, so there is never a blank or half-drawn frame.
 */
export function useShownSlide(slide: Slide | undefined, instant: boolean) {
  const decoded = useDecoded(slide?.src);
  const [shown, setShown] = useState<{ current?: ShownSlide; previous?: ShownSlide }>({});

  const ready = slide && decoded;
  const changed =
    ready && (shown.current?.slide.src !== slide.src || shown.current.slide !== slide);
  if (changed) {
    // Adjusted while rendering (React's pattern for state derived from props): no extra frame.
    const image = decoded.state === "ready" ? decoded.image : null;
    // The same image with fresher words (the history changed) does not fade again.
    const sameImage = shown.current?.slide.src === slide.src;
    setShown({
      current: { slide, image },
      previous: sameImage ? shown.previous : instant ? undefined : shown.current,
    });
  }

  useEffect(() => {
    if (!shown.previous) return;
    const timer = setTimeout(() => setShown((s) => ({ current: s.current })), CROSSFADE_MS);
    return () => clearTimeout(timer);
  }, [shown.previous]);

  return shown;
}
