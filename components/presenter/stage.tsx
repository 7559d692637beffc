"use client";

import { cn } from "@/lib/cn";
import type { StageState } from "@/lib/presenter/types";
import { StageCaption } from "./stage-caption";
import { StageLayer } from "./stage-layer";
import { StageProgress } from "./stage-progress";
import { usePreload } from "./use-decoded";
import { useReducedMotion } from "./use-reduced-motion";
import { useShownSlide } from "./use-shown-slide";
import { WipeLayer } from "./wipe-layer";

/**
 * The stage both windows draw: the slide's image on black, the before/after wipe, the caption
 * and a live edit's progress. The neighbours' images are decoded ahead, so changing slides
 * never waits on the network; under reduced motion slides swap at once instead of crossfading.
 */
export function Stage({
  stage,
  onWipe,
  showProgress = true,
  className,
}: {
  stage: StageState;
  /** Off in the presenter's window, where the live-edit bar says the same in more detail. */
  showProgress?: boolean;
  /** The presenter's window moves the wipe; the audience's only shows it. */
  onWipe?(position: number): void;
  className?: string;
}) {
  const { slides, index, wipe, caption, progress } = stage;
  const slide = slides[index];
  const reduced = useReducedMotion();
  const { current, previous } = useShownSlide(slide, reduced);
  usePreload([slides[index + 1]?.src, slides[index - 1]?.src, slide?.beforeSrc]);

  // The wipe belongs to the slide it was set on: not drawn over the last one while the next loads.
  const onStage = current && current.slide.key === slide?.key ? current : undefined;
  const beforeSrc = onStage?.image ? onStage.slide.beforeSrc : undefined;
  return (
    <div className={cn("[container-type:size] relative overflow-hidden bg-black", className)}>
      {previous && <StageLayer key={previous.slide.src} shown={previous} leaving />}
      {current && (
        <StageLayer key={current.slide.src} shown={current}>
          {beforeSrc && wipe !== null && (
            <WipeLayer beforeSrc={beforeSrc} position={wipe} onChange={onWipe} />
          )}
        </StageLayer>
      )}
      {current && caption > 0 && <StageCaption slide={current.slide} level={caption as 1 | 2} />}
      {showProgress && progress && <StageProgress progress={progress} />}
    </div>
  );
}
