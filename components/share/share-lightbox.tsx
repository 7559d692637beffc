"use client";

import { createContext, use, useMemo, useState } from "react";
import Lightbox, {
  createModule,
  MODULE_CONTROLLER,
  useLightboxState,
  type Plugin,
  type SlideImage,
} from "yet-another-react-lightbox";
import Zoom from "yet-another-react-lightbox/plugins/zoom";
import "yet-another-react-lightbox/styles.css";
import { ExpiredImage } from "./expired-image";
import { FeedbackPanel } from "./feedback-panel";
import { useReview } from "./review-context";

/** What the panel needs from how the lightbox was opened. */
const OpenedWith = createContext({ index: 0, focusComment: false });

/** The panel beside (wide) or under (narrow) the image, for the image on screen. */
function PanelHost() {
  const { currentIndex } = useLightboxState();
  const { images } = useReview();
  const opened = use(OpenedWith);
  // Kept across images, so a phone's open sheet stays open while paging.
  const [expanded, setExpanded] = useState(opened.focusComment);
  // The comment box takes focus once, on the image it was opened for: paging back to it later
  // must not pull focus out of the image (where ←/→ page).
  const [focusOn, setFocusOn] = useState(opened.focusComment ? opened.index : -1);
  if (focusOn !== -1 && focusOn !== currentIndex) setFocusOn(-1);
  const image = images[currentIndex];
  if (!image) return null;
  return (
    <FeedbackPanel
      key={image.id}
      image={image}
      index={currentIndex}
      total={images.length}
      focusComment={focusOn === currentIndex}
      expanded={expanded}
      onExpandedChange={setExpanded}
    />
  );
}

// A sibling of the controller inside the lightbox's portal: inside it, so the library does not
// make the panel inert, and beside it, so typing in the panel never pages or zooms the image.
const PanelModule = createModule("ShareFeedbackPanel", PanelHost);
const withPanel: Plugin = ({ addSibling }) => addSibling(MODULE_CONTROLLER, PanelModule);

// The image's box gives the panel its room: 24rem on the right on wide screens, a sheet of 8rem
// at the bottom on narrow ones (the panel reads the same variables).
const LAYOUT =
  "[--share-sheet:8rem] [--share-side:0px] lg:[--share-sheet:0px] lg:[--share-side:24rem]";
const CONTAINER = { right: "var(--share-side)", bottom: "var(--share-sheet)" };

// Sized by itself (the error icon's slot shrinks to its content) and with a line height of its
// own (the library sets 0 there for its icons).
const EXPIRED_SLIDE =
  "size-auto w-[min(20rem,80vw)] rounded-xl border-zinc-600 py-10 leading-normal text-zinc-200 dark:border-zinc-600 dark:text-zinc-200";

/**
 * The share's images full size (the original files): ←/→ page, Esc closes, wheel, pinch,
 * double-click or the toolbar zoom. The library makes the page behind inert and gives focus back
 * to the tile that opened it.
 */
export function ShareLightbox({
  index,
  focusComment,
  onClose,
}: {
  index: number;
  focusComment: boolean;
  onClose(): void;
}) {
  const { images, expired } = useReview();
  const slides = useMemo<SlideImage[]>(
    () =>
      images.map((image, i) => ({
        src: image.src,
        alt: `Image ${i + 1}`,
        width: image.width,
        height: image.height,
      })),
    [images],
  );
  const opened = useMemo(() => ({ index, focusComment }), [index, focusComment]);
  const single = slides.length < 2;

  return (
    <OpenedWith value={opened}>
      <Lightbox
        open
        close={onClose}
        index={index}
        slides={slides}
        plugins={[Zoom, withPanel]}
        zoom={{ scrollToZoom: true, maxZoomPixelRatio: 2 }}
        carousel={{ finite: true, preload: 1 }}
        controller={{ closeOnBackdropClick: true }}
        labels={{ Lightbox: "Images under review" }}
        className={LAYOUT}
        styles={{ container: CONTAINER }}
        render={{
          // A thumbnail that failed means fal deleted the file: say so instead of a broken image.
          slide: ({ slide }) => {
            const i = slides.indexOf(slide);
            const image = images[i];
            return image && expired.has(image.id) ? (
              <ExpiredImage label={`Image ${i + 1}`} className={EXPIRED_SLIDE} />
            ) : undefined;
          },
          iconError: () => <ExpiredImage label="This image" className={EXPIRED_SLIDE} />,
          // One slide has nowhere to go: no arrows that do nothing.
          ...(single && { buttonPrev: () => null, buttonNext: () => null }),
        }}
      />
    </OpenedWith>
  );
}
