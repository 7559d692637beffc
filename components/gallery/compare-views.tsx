"use client";

import { ReactCompareSlider, ReactCompareSliderImage } from "react-compare-slider";
import type { ImageFile } from "@/lib/endpoint";
import { Icon } from "./icons";

/** Two images to compare: `before` on the left, `after` on the right, in `after`'s shape. */
export interface ComparePair {
  before: { src: string; label: string };
  after: { src: string; label: string };
  /** The shape of the box: the after image's size, as fal reported it. */
  size: Pick<ImageFile, "width" | "height">;
}

/** The pair share one box; both are contained, since a reference rarely has the result's shape. */
const CONTAIN = { objectFit: "contain" } as const;
// z-10: the library lifts its first item to z-index 1, which would cover a plain label.
const CHIP =
  "pointer-events-none absolute top-2 z-10 rounded-full bg-zinc-950/75 px-2 py-0.5 text-xs font-medium text-white";

/** Widest box of the result's aspect that fits the dialog without scrolling. */
function boxStyle({ width, height }: ComparePair["size"]) {
  const ratio = width && height ? width / height : 1;
  return { aspectRatio: String(ratio), width: `min(100%, calc(62dvh * ${ratio}))` };
}

/** Before on the left, after on the right; the handle is a slider (arrow keys move it). */
export function CompareSlider({ before, after, size }: ComparePair) {
  return (
    <div
      className="relative mx-auto overflow-hidden rounded-lg bg-zinc-100 dark:bg-zinc-800"
      style={boxStyle(size)}
    >
      <ReactCompareSlider
        className="size-full"
        keyboardIncrement="2%"
        itemOne={<ReactCompareSliderImage src={before.src} alt={before.label} style={CONTAIN} />}
        itemTwo={<ReactCompareSliderImage src={after.src} alt={after.label} style={CONTAIN} />}
      />
      <span className={`${CHIP} left-2`}>{before.label}</span>
      <span className={`${CHIP} right-2`}>{after.label}</span>
    </div>
  );
}

function Side({ src, label }: { src: string; label: string }) {
  return (
    <figure className="flex min-w-0 flex-col gap-1.5">
      <div className="overflow-hidden rounded-lg bg-zinc-100 dark:bg-zinc-800">
        {/* eslint-disable-next-line @next/next/no-img-element -- fal's URLs shown as they are */}
        <img
          src={src}
          alt={label}
          decoding="async"
          className="max-h-[62dvh] w-full object-contain"
        />
      </div>
      <figcaption>
        <a
          href={src}
          target="_blank"
          rel="noreferrer"
          className="inline-flex items-center gap-1 text-xs font-medium text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400"
        >
          {label} <Icon name="open" className="size-3" />
          <span className="sr-only">(opens full size in a new tab)</span>
        </a>
      </figcaption>
    </figure>
  );
}

/** Both at once, each whole; captions link to the full-size files. */
export function SideBySide({ before, after }: ComparePair) {
  return (
    <div className="grid grid-cols-2 items-start gap-3">
      <Side {...before} />
      <Side {...after} />
    </div>
  );
}
