"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { PhaseBadge } from "@/components/runs/phase-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { endpointOf, formatUsd } from "@/lib/endpoint";
import { costUsd } from "@/lib/endpoint/pricing";
import { isUnfinished } from "@/lib/history/run-record";
import { downloadFileName, downloadImage } from "@/components/gallery/download";
import { IconButton } from "@/components/gallery/icon-button";
import { recipeOf } from "@/lib/recipe/recipe";
import { describeError } from "@/lib/runs/run-error";
import { selectionKey } from "@/lib/store/selection";
import { usePlayground } from "@/lib/store/playground-store";
import type { Run } from "@/lib/store/runs";

const GridCompare = dynamic(() => import("./grid-compare").then((m) => m.GridCompare), {
  ssr: false,
});

/** What a finished cell cost, from the sizes fal delivered. */
function spentUsd(run: Run): number {
  const model = endpointOf(run).model;
  return (run.output?.images ?? []).reduce(
    (sum, image) =>
      sum +
      (image.width && image.height
        ? costUsd({ width: image.width, height: image.height }, 1, model)
        : 0),
    0,
  );
}

/**
 * A variation grid's results, rows × columns by the axes that were varied. Pick two cells to
 * compare them; a Dev cell can be finished on Full with the same seed, prompt and references.
 */
export function GridCard({ cells }: { cells: Run[] }) {
  const cancelGrid = usePlayground((s) => s.cancelGrid);
  const [picked, setPicked] = useState<string[]>([]);
  const grid = cells[0]!.grid!;
  const at = (row: number, col: number) =>
    cells.find((run) => run.grid!.row === row && run.grid!.col === col);
  const label = (run: Run) =>
    [grid.rows[run.grid!.row], grid.cols[run.grid!.col]].filter(Boolean).join(" · ") || "Cell";
  const done = cells.filter((run) => run.phase === "completed").length;
  const open = cells.filter(isUnfinished).length;
  const spent = cells.reduce((sum, run) => sum + spentUsd(run), 0);
  const pick = (id: string) =>
    setPicked((list) =>
      list.includes(id) ? list.filter((p) => p !== id) : [...list, id].slice(-2),
    );
  const comparing = picked.length === 2 ? picked.map((id) => cells.find((r) => r.id === id)!) : [];

  return (
    <Card aria-label={`Variation grid: ${cells.length} cells`} className="flex flex-col gap-3 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">Variation grid</h3>
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          {done} of {cells.length} done · {formatUsd(spent)} spent
        </span>
        <span className="ml-auto flex gap-1">
          {open > 0 && (
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs"
              onClick={() => void cancelGrid(grid.id)}
            >
              Cancel all ({open})
            </Button>
          )}
        </span>
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
        {picked.length === 0
          ? "Select two finished cells to compare them."
          : picked.length === 1
            ? "Select one more cell to compare."
            : "Comparing the two cells you selected."}
      </p>
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-1.5 text-xs">
          <thead>
            <tr>
              <th scope="col" className="sr-only">
                Row
              </th>
              {grid.cols.map((col, c) => (
                <th
                  key={c}
                  scope="col"
                  className="min-w-28 px-1 text-left align-bottom font-medium text-zinc-600 dark:text-zinc-300"
                >
                  {col || "Cell"}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row, r) => (
              <tr key={r}>
                <th
                  scope="row"
                  className="max-w-36 px-1 text-left align-top font-medium text-zinc-600 dark:text-zinc-300"
                >
                  {row || "—"}
                </th>
                {grid.cols.map((_, c) => {
                  const run = at(r, c);
                  return (
                    <td key={c} className="align-top">
                      {run ? (
                        <GridCell
                          run={run}
                          label={label(run)}
                          picked={picked.includes(run.id)}
                          onPick={() => pick(run.id)}
                        />
                      ) : (
                        <span className="block p-2 text-zinc-400">Not run</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {comparing.length === 2 && (
        <GridCompare
          before={comparing[0]!}
          after={comparing[1]!}
          labels={[label(comparing[0]!), label(comparing[1]!)]}
          onClose={() => setPicked([])}
        />
      )}
    </Card>
  );
}

function GridCell({
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
          // eslint-disable-next-line @next/next/no-img-element -- fal's URLs shown as they are
          <img
            src={image.url}
            alt={`Result: ${label}`}
            loading="lazy"
            decoding="async"
            className={cn("size-full object-cover", flagged && "blur-xl")}
          />
        ) : (
          <span className="grid size-full place-items-center p-1">
            <PhaseBadge run={run} />
          </span>
        )}
      </button>
      <span className="flex items-center gap-1 text-zinc-500 tabular-nums dark:text-zinc-400">
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
