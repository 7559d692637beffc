"use client";

import Lightbox, { type SlideImage } from "yet-another-react-lightbox";
import Counter from "yet-another-react-lightbox/plugins/counter";
import Zoom from "yet-another-react-lightbox/plugins/zoom";
import "yet-another-react-lightbox/plugins/counter.css";
import "yet-another-react-lightbox/styles.css";
import { LightboxStar } from "./lightbox-star";

/**
 * The run's images full screen: ←/→ move, Esc closes, S stars, wheel, pinch, double-click or the
 * toolbar zoom. Mounted only while open (the caller loads it lazily), so hundreds of cards cost
 * nothing. The library makes the rest of the page inert and returns focus to the opener on close.
 */
export function GalleryLightbox({
  runId,
  slides,
  imageIndexes,
  index,
  onClose,
}: {
  runId: string;
  slides: SlideImage[];
  /** The run's image index of each slide, in slide order (for the star). */
  imageIndexes: readonly number[];
  index: number;
  onClose(): void;
}) {
  return (
    <Lightbox
      open
      close={onClose}
      index={index}
      slides={slides}
      // The counter says where you are ("1 / 2") when there is more than one image.
      plugins={slides.length > 1 ? [Zoom, Counter] : [Zoom]}
      zoom={{ scrollToZoom: true, maxZoomPixelRatio: 2 }}
      carousel={{ finite: true, preload: 1 }}
      controller={{ closeOnBackdropClick: true }}
      toolbar={{
        buttons: [<LightboxStar key="star" runId={runId} imageIndexes={imageIndexes} />, "close"],
      }}
      labels={{ Lightbox: "Result images" }}
      // One slide has nowhere to go: no arrows that do nothing.
      render={slides.length > 1 ? undefined : { buttonPrev: () => null, buttonNext: () => null }}
    />
  );
}
