"use client";

import { useState } from "react";
import { PresentButton } from "@/components/presenter-setup/present-button";
import { ShareButton } from "@/components/share-owner/share-button";
import { Button } from "@/components/ui/button";
import type { ShareAvailability } from "@/lib/shares/availability";
import { recipeOf } from "@/lib/recipe/recipe";
import { usePlayground } from "@/lib/store/playground-store";
import { selectionKey } from "@/lib/store/selection";
import { downloadFileName } from "./download";

/**
 * What is selected in the gallery, and what to do with it: a ZIP, a review link, or a
 * presentation (which starts from the selection). Stays in view.
 */
export function SelectionBar({ sharing }: { sharing: ShareAvailability }) {
  const runs = usePlayground((s) => s.runs);
  const selection = usePlayground((s) => s.selection);
  const clearSelection = usePlayground((s) => s.clearSelection);
  const [status, setStatus] = useState("");
  const chosen = new Set(selection);
  // Nothing selected (the usual case) needs no walk through every run of a long history.
  const items = (chosen.size === 0 ? [] : runs).flatMap((run) =>
    (run.output?.images ?? []).flatMap((image, i) =>
      chosen.has(selectionKey(run.id, i))
        ? [
            {
              url: image.url,
              fileName: downloadFileName(
                image,
                run.input.prompt,
                run.output!.seed,
                i,
                run.output!.images.length,
              ),
              recipe: recipeOf(run, i),
            },
          ]
        : [],
    ),
  );
  if (items.length === 0) return null;

  const zip = async () => {
    setStatus("Packing…");
    try {
      // fflate loads with the first ZIP: most visits never make one.
      const { downloadZip } = await import("./download-zip");
      const missing = await downloadZip(items);
      setStatus(
        missing.length
          ? `Saved; ${missing.length} could not be fetched (expired?) and are listed in manifest.json.`
          : "Saved.",
      );
    } catch {
      setStatus("The ZIP could not be made. Try fewer images.");
    }
  };

  return (
    <div
      role="region"
      aria-label="Selection"
      className="sticky bottom-3 z-20 flex flex-wrap items-center gap-2 rounded-xl border border-zinc-200 bg-white/95 px-3 py-2 shadow-lg backdrop-blur dark:border-zinc-700 dark:bg-zinc-900/95"
    >
      <span className="text-sm font-medium tabular-nums">{items.length} selected</span>
      <Button variant="primary" className="px-2.5 py-1 text-xs" onClick={() => void zip()}>
        Download selected (ZIP)
      </Button>
      <ShareButton sharing={sharing} />
      <PresentButton variant="secondary" className="px-2.5 py-1 text-xs" />
      <Button
        variant="ghost"
        className="px-2.5 py-1 text-xs"
        onClick={() => {
          clearSelection();
          setStatus("");
        }}
      >
        Clear
      </Button>
      <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {status}
      </p>
    </div>
  );
}
