"use client";

import { PhaseBadge } from "@/components/runs/phase-badge";
import { downloadFileName, downloadImage } from "@/components/gallery/download";
import { IconButton } from "@/components/gallery/icon-button";
import { StarButton } from "@/components/gallery/star-button";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { endpointOf, formatUsd } from "@/lib/endpoint";
import { isUnfinished } from "@/lib/history/run-record";
import { isStarred } from "@/lib/history/stars";
import { recipeOf } from "@/lib/recipe/recipe";
import { describeError } from "@/lib/runs/run-error";
import { selectionKey } from "@/lib/store/selection";
import { usePlayground } from "@/lib/store/playground-store";
import type { Run } from "@/lib/store/runs";
import { GridThumbnail } from "./grid-thumbnail";
import { spentUsd } from "./spent-usd";

/** One cell of a variation grid: its picture (pick it to compare), select, star, download. */
export function GridCell({
  run,
  label,
  picked,
  onPick,
}: {
  run: Run;
  label: string;
  picked: boolean;
  onPick(): void;
}) {
  const cancelRun = usePlayground((s) => s.cancelRun);
  const finishOnFull = usePlayground((s) => s.finishOnFull);
  const key = selectionKey(run.id, 0);
  const selected = usePlayground((s) => s.selection.includes(key));
  const toggleSelected = usePlayground((s) => s.toggleSelected);
  const toggleStar = usePlayground((s) => s.toggleStar);
  const image = run.output?.images[0];
  const spec = endpointOf(run);
  const flagged = run.output?.has_nsfw_concepts[0] === true;
  return (
    <div
      className={cn(
        "flex w-28 flex-col gap-1 rounded-lg border p-1.5",
        picked
          ? "border-accent-500 ring-2 ring-accent-500/40"
          : "border-zinc-200 dark:border-zinc-800",
      )}
    >
      <button
        type="button"
        aria-pressed={picked}
        aria-label={`${label}: ${picked ? "selected" : "select"} to compare`}
        disabled={!image}
        onClick={onPick}
        className="relative aspect-square overflow-hidden rounded-md bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-500 disabled:cursor-default dark:bg-zinc-800"
      >
        {image ? (
          <GridThumbnail
            thumbKey={key}
            url={image.url}
            alt={`Result: ${label}`}
            flagged={flagged}
          />
        ) : (
          <span className="grid size-full place-items-center p-1">
            <PhaseBadge run={run} />
          </span>
        )}
      </button>
      <span className="flex flex-wrap items-center gap-x-1 text-zinc-500 tabular-nums dark:text-zinc-400">
        {image && (
          <>
            <input
              type="checkbox"
              aria-label={`Select ${label}`}
              checked={selected}
              onClick={(event) => toggleSelected(key, event.shiftKey)}
              onChange={() => {}}
              className="size-3.5 accent-accent-600"
            />
            <StarButton
              starred={isStarred(run, 0)}
              name={label}
              className="size-6"
              onToggle={() => toggleStar(run.id, 0)}
            />
            <IconButton
              icon="download"
              label={`Download ${label}`}
              className="size-6"
              onClick={() =>
                void downloadImage(
                  image.url,
                  downloadFileName(image, run.input.prompt, run.output!.seed, 0, 1),
                  recipeOf(run, 0),
                )
              }
            />
          </>
        )}
        <span className="truncate">
          {run.phase === "completed" ? formatUsd(spentUsd(run)) : ""}
          {run.phase === "failed" && run.error ? describeError(run.error).title : ""}
        </span>
      </span>
      {isUnfinished(run) && (
        <Button
          variant="ghost"
          className="px-1.5 py-0.5 text-xs"
          disabled={run.cancelRequested}
          onClick={() => void cancelRun(run.id)}
        >
          Cancel
        </Button>
      )}
      {run.phase === "completed" && spec.model === "dev" && (
        <Button
          variant="secondary"
          className="px-1.5 py-0.5 text-xs"
          onClick={() => void finishOnFull(run.id)}
        >
          Finish on Full
        </Button>
      )}
    </div>
  );
}
