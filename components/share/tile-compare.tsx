"use client";

import dynamic from "next/dynamic";
import { referencePath, thumbPath } from "@/lib/shares/public-share";
import type { ReviewImage } from "./review-context";

// The slider library loads when a client first asks for a before/after, not with the page.
const CompareSlider = dynamic(
  () => import("@/components/gallery/compare-views").then((m) => m.CompareSlider),
  {
    ssr: false,
    loading: () => (
      <p className="grid size-full place-items-center text-sm text-zinc-500 dark:text-zinc-400">
        Loading the comparison…
      </p>
    ),
  },
);

/**
 * The image against its first reference, both at 1280 px from this app's own routes (the same
 * origin, so the page's image policy and the thumbnails' cache both apply). The handle is a
 * slider: Tab to it, then ←/→ move it.
 */
export function TileCompare({ shareId, image }: { shareId: string; image: ReviewImage }) {
  return (
    <CompareSlider
      before={{ src: referencePath(shareId, image.id, 0, 1280), label: "Before" }}
      after={{ src: thumbPath(shareId, image.id, 1280), label: "After" }}
      size={{ width: image.width, height: image.height }}
    />
  );
}
