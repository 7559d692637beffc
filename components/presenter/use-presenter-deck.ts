"use client";

import { useMemo } from "react";
import { deckSlides, slideIndexOf } from "@/lib/presenter/slides";
import type { LiveProgress, StageState } from "@/lib/presenter/types";
import type { Presentation } from "@/lib/store/presenter";
import { usePlayground } from "@/lib/store/playground-store";

/**
 * The presentation as slides: the deck's images that still exist, the one on stage, and a way
 * to move to another by its place among them (the deck may name results deleted since).
 */
export function usePresenterDeck(presentation: Presentation, progress: LiveProgress | null) {
  const runs = usePlayground((s) => s.runs);
  const goToSlide = usePlayground((s) => s.goToSlide);
  const { deck, wipe, caption } = presentation;
  const { slides, positions } = useMemo(() => deckSlides(runs, deck), [runs, deck]);
  const index = slideIndexOf(positions, presentation.index);
  const stage = useMemo<StageState>(
    () => ({ slides, index, wipe, caption, progress }),
    [slides, index, wipe, caption, progress],
  );

  const goTo = (target: number) => {
    const to = Math.min(Math.max(target, 0), slides.length - 1);
    // Staying put must not drop the wipe (goToSlide starts every slide plain).
    if (to !== index && positions[to] !== undefined) goToSlide(positions[to]);
  };
  return { stage, slide: slides[index], goTo };
}
