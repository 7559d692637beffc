"use client";

import { endpointOf } from "@/lib/endpoint";
import { showsImage } from "@/lib/gallery/star-filter";
import { isStarred } from "@/lib/history/stars";
import { recipeOf } from "@/lib/recipe/recipe";
import { usePlayground } from "@/lib/store/playground-store";
import { selectionKey } from "@/lib/store/selection";
import dynamic from "next/dynamic";
import { useState } from "react";
import { createPortal } from "react-dom";
import { cn } from "@/lib/cn";
import type { Run } from "@/lib/store/runs";
import { downloadFileName } from "./download";
import { ResultFigure } from "./result-figure";
import { RunActions } from "./run-actions";

// Loaded on first open: the gallery may hold hundreds of runs, and most are never enlarged.
const GalleryLightbox = dynamic(() => import("./gallery-lightbox").then((m) => m.GalleryLightbox), {
  ssr: false,
});
const CompareDialog = dynamic(() => import("./compare-dialog").then((m) => m.CompareDialog), {
  ssr: false,
});

const toggle = (set: ReadonlySet<number>, index: number) => {
  const next = new Set(set);
  if (!next.delete(index)) next.add(index);
  return next;
};

/** A run's output images with their facts and actions, and the run's own actions. */
export function RunResults({ run }: { run: Run }) {
  // Per-image view state, kept here because the lightbox needs it too. Transient on purpose:
  // a reload veils flagged images again.
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(() => new Set());
  const [expired, setExpired] = useState<ReadonlySet<number>>(() => new Set());
  const [lightboxAt, setLightboxAt] = useState<number>();
  const [comparing, setComparing] = useState<number>();
  const toggleStar = usePlayground((s) => s.toggleStar);
  const starredOnly = usePlayground((s) => s.starredOnly);
  const kept = usePlayground((s) => s.starredOnlyKept);

  const finished = run.phase === "completed" || run.phase === "failed" || run.phase === "cancelled";
  if (!finished) return null;
  const output = run.output;
  const images = output?.images ?? [];
  const flagged = (i: number) => output?.has_nsfw_concepts[i] ?? false;
  const references = run.input.reference_image_urls ?? [];
  // With "Starred only", the rest are not listed; numbers and keys stay the images' own.
  const listed = images
    .map((image, i) => ({ image, i }))
    .filter(({ i }) => showsImage(run, i, { starredOnly, kept }));
  // The lightbox shows what the page shows: no veiled or expired images.
  const viewable = listed.filter(({ i }) => (!flagged(i) || revealed.has(i)) && !expired.has(i));
  const slideOf = (i: number) => viewable.findIndex((v) => v.i === i);
  const compared = comparing === undefined ? undefined : images[comparing];

  return (
    <div className="flex flex-col gap-2">
      {output && listed.length > 0 && (
        <div className={cn("grid gap-3", listed.length > 1 && "sm:grid-cols-2")}>
          {listed.map(({ image, i }) => (
            <ResultFigure
              // A finished run's images never change or reorder.
              key={i}
              image={image}
              selectKey={selectionKey(run.id, i)}
              model={endpointOf(run).model}
              recipe={recipeOf(run, i)}
              index={i}
              fileName={downloadFileName(image, run.input.prompt, output.seed, i, images.length)}
              flagged={flagged(i)}
              revealed={revealed.has(i)}
              expired={expired.has(i)}
              canCompare={references.length > 0}
              starred={isStarred(run, i)}
              onToggleReveal={() => setRevealed((set) => toggle(set, i))}
              onExpired={() => setExpired((set) => new Set(set).add(i))}
              onOpen={() => setLightboxAt(slideOf(i))}
              onCompare={() => setComparing(i)}
              onToggleStar={() => toggleStar(run.id, i)}
            />
          ))}
        </div>
      )}
      <RunActions run={run} />
      {lightboxAt !== undefined && lightboxAt >= 0 && (
        <GalleryLightbox
          runId={run.id}
          index={lightboxAt}
          slides={viewable.map(({ image, i }) => ({
            src: image.url,
            alt: `Result ${i + 1}`,
            width: image.width,
            height: image.height,
          }))}
          imageIndexes={viewable.map(({ i }) => i)}
          onClose={() => setLightboxAt(undefined)}
        />
      )}
      {compared &&
        comparing !== undefined &&
        // Outside the card in the DOM, so the card's own queries and landmarks stay its own.
        createPortal(
          <CompareDialog
            image={compared}
            number={comparing + 1}
            modelLabel={endpointOf(run).label}
            references={references}
            onClose={() => setComparing(undefined)}
          />,
          document.body,
        )}
    </div>
  );
}
