"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { cn } from "@/lib/cn";
import {
  ENDPOINTS,
  formatUsd,
  MODELS,
  requestedSize,
  snapToPreset,
  type EditInput,
  type ImageSize,
  type ModelId,
} from "@/lib/endpoint";
import { budgetLeftUsd } from "@/lib/fal/limits";
import {
  gridBlocker,
  MAX_GRID_CELLS,
  parsePromptVariants,
  parseSeedList,
  planGrid,
  randomSeeds,
  sizeLabel,
} from "@/lib/grid/plan";
import { usePlayground } from "@/lib/store/playground-store";

const EXTRA_SIZES: readonly ImageSize[] = [
  "square_hd",
  "landscape_16_9",
  "portrait_16_9",
  "landscape_4_3",
  "portrait_4_3",
];

const snapKey = (size: ImageSize) => {
  const { width, height } = snapToPreset(requestedSize(size));
  return `${width}x${height}`;
};

const field =
  "rounded-lg border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/**
 * Vary the composer's run along any of seeds, prompt variants, models and sizes, and see every
 * cell with its price, the total and whether today's budget allows it, before anything runs.
 */
export function VaryDialog({
  input,
  model,
  onClose,
}: {
  input: EditInput;
  model: ModelId;
  onClose(): void;
}) {
  const limits = usePlayground((s) => s.limits);
  const startGrid = usePlayground((s) => s.startGrid);
  const [seedMode, setSeedMode] = useState<"random" | "list">("random");
  const [seedCount, setSeedCount] = useState("3");
  const [reroll, setReroll] = useState(0);
  const [seedList, setSeedList] = useState(input.seed === undefined ? "" : String(input.seed));
  const [promptText, setPromptText] = useState(input.prompt);
  const [models, setModels] = useState<ReadonlySet<ModelId>>(new Set([model]));
  const current = input.image_size ?? { width: 2048, height: 2048 };
  const sizeOptions = useMemo(() => {
    const seen = new Set([snapKey(current)]);
    return [
      current,
      ...EXTRA_SIZES.filter((size) => !seen.has(snapKey(size)) && seen.add(snapKey(size))),
    ];
    // The size the composer had when the dialog opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [sizes, setSizes] = useState<ReadonlySet<number>>(new Set([0]));
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());

  const count = Math.min(12, Math.max(1, Math.floor(Number(seedCount) || 1)));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `reroll` asks for new seeds
  const random = useMemo(() => randomSeeds(count), [count, reroll]);
  const listed = parseSeedList(seedList);
  const seeds = seedMode === "random" ? random : typeof listed === "string" ? [] : listed;
  const prompts = parsePromptVariants(promptText);

  // Cheap (48 cells at most): planned on every render, so it always matches the controls.
  const plan = planGrid(input, model, {
    seeds,
    prompts,
    models: MODELS.filter((m) => models.has(m)),
    sizes: sizeOptions.filter((_, i) => sizes.has(i)),
  });
  const key = (row: number, col: number) => `${row}:${col}`;
  const chosen = plan.cells.filter((cell) => !excluded.has(key(cell.row, cell.col)));
  const total = chosen.reduce((sum, cell) => sum + cell.costUsd, 0);
  const left = budgetLeftUsd(limits);
  const problem =
    (seedMode === "list" && typeof listed === "string" && listed) ||
    (prompts.length === 0 && "Write at least one prompt.") ||
    (models.size === 0 && "Choose at least one model.") ||
    (sizes.size === 0 && "Choose at least one size.") ||
    gridBlocker(chosen, left);

  const toggle = <T,>(set: ReadonlySet<T>, value: T) => {
    const next = new Set(set);
    if (!next.delete(value)) next.add(value);
    return next;
  };
  const run = () => {
    if (problem) return;
    const indexes = plan.cells.flatMap((cell, i) =>
      excluded.has(key(cell.row, cell.col)) ? [] : [i],
    );
    void startGrid(plan, indexes);
    onClose();
  };

  return (
    <Modal title="Vary this run" onClose={onClose} className="w-[min(72rem,calc(100vw-2rem))]">
      <div className="grid gap-5 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <div className="flex flex-col gap-4">
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-semibold">Seeds</legend>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                checked={seedMode === "random"}
                onChange={() => setSeedMode("random")}
              />
              <span>Random:</span>
              <input
                type="number"
                min={1}
                max={12}
                aria-label="How many random seeds"
                value={seedCount}
                onChange={(e) => {
                  setSeedMode("random");
                  setSeedCount(e.target.value);
                }}
                className={cn(field, "w-16")}
              />
              <Button
                variant="ghost"
                className="px-2 py-1 text-xs"
                onClick={() => setReroll((n) => n + 1)}
              >
                New seeds
              </Button>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                className="mt-2"
                checked={seedMode === "list"}
                onChange={() => setSeedMode("list")}
              />
              <span className="flex flex-1 flex-col gap-1">
                <span>These seeds:</span>
                <input
                  aria-label="Seed list"
                  value={seedList}
                  placeholder="e.g. 42, 1234, 98765"
                  onChange={(e) => {
                    setSeedMode("list");
                    setSeedList(e.target.value);
                  }}
                  className={field}
                />
              </span>
            </label>
          </fieldset>
          <label className="flex flex-col gap-1.5 text-sm">
            <span className="font-semibold">Prompt variants</span>
            <textarea
              aria-describedby="vary-prompts-hint"
              value={promptText}
              rows={4}
              onChange={(e) => setPromptText(e.target.value)}
              className={cn(field, "resize-y")}
            />
            <span id="vary-prompts-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
              One per line.
            </span>
          </label>
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1 text-sm font-semibold">Models</legend>
            {MODELS.map((m) => (
              <label key={m} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={models.has(m)}
                  onChange={() => setModels((set) => toggle(set, m))}
                />
                {ENDPOINTS[m].label}
                <span className="text-xs text-zinc-500 dark:text-zinc-400">
                  ${ENDPOINTS[m].pricePerMegapixelUsd}/MP
                  {m !== model && ` · its defaults: ${ENDPOINTS[m].steps.default} steps`}
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1 text-sm font-semibold">Sizes</legend>
            {sizeOptions.map((size, i) => (
              <label key={i} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={sizes.has(i)}
                  onChange={() => setSizes((set) => toggle(set, i))}
                />
                {sizeLabel(size)}
                {i === 0 && (
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">(current)</span>
                )}
              </label>
            ))}
          </fieldset>
        </div>
        <GridPreview
          plan={plan}
          excluded={excluded}
          onToggle={(row, col) => setExcluded((set) => toggle(set, key(row, col)))}
        />
      </div>
      {/* Stays in view while the axes scroll, on a phone too. */}
      <div className="sticky -bottom-4 z-10 -mx-4 mt-5 flex flex-col gap-2 border-t border-zinc-200 bg-white px-4 py-3 sm:-bottom-5 sm:-mx-5 sm:flex-row sm:items-center sm:justify-between sm:px-5 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="text-sm" aria-live="polite">
          <p>
            <span className="font-semibold tabular-nums">
              {chosen.length} of {plan.cells.length} cells
            </span>{" "}
            · up to <span className="font-semibold tabular-nums">{formatUsd(total)}</span>
            {left !== null ? (
              <span className="text-zinc-500 dark:text-zinc-400">
                {" "}
                · {formatUsd(left)} left in today&apos;s budget
              </span>
            ) : null}
          </p>
          {problem && (
            <p id="vary-problem" className="text-xs text-red-700 dark:text-red-400">
              {problem}
            </p>
          )}
        </div>
        <div className="flex gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="primary"
            disabled={!!problem}
            aria-describedby={problem ? "vary-problem" : undefined}
            onClick={run}
          >
            Run {chosen.length} {chosen.length === 1 ? "cell" : "cells"}
          </Button>
        </div>
      </div>
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
        Up to {MAX_GRID_CELLS} cells. Each cell is a normal run: it goes to fal a few at a time,
        keeps going after a reload, and can be cancelled alone or with the whole grid.
      </p>
    </Modal>
  );
}

/** Every cell before it runs: its price, and whether it is in (a checkbox per cell). */
function GridPreview({
  plan,
  excluded,
  onToggle,
}: {
  plan: ReturnType<typeof planGrid>;
  excluded: ReadonlySet<string>;
  onToggle(row: number, col: number): void;
}) {
  return (
    <div className="min-w-0 overflow-x-auto">
      <table className="w-full border-separate border-spacing-1 text-xs">
        <caption className="mb-1 text-left text-sm font-semibold">
          {plan.rows.length} × {plan.cols.length} grid
        </caption>
        <thead>
          <tr>
            <th scope="col" className="sr-only">
              Row
            </th>
            {plan.cols.map((col, c) => (
              <th
                key={c}
                scope="col"
                className="px-1 text-left font-medium text-zinc-600 dark:text-zinc-300"
              >
                {col || "Cell"}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {plan.rows.map((row, r) => (
            <tr key={r}>
              <th
                scope="row"
                className="max-w-40 px-1 text-left align-top font-medium text-zinc-600 dark:text-zinc-300"
              >
                {row || "—"}
              </th>
              {plan.cells
                .filter((cell) => cell.row === r)
                .map((cell) => {
                  const included = !excluded.has(`${cell.row}:${cell.col}`);
                  return (
                    <td key={cell.col} className="align-top">
                      <label
                        className={cn(
                          "flex cursor-pointer flex-col gap-0.5 rounded-lg border p-2 transition-colors",
                          cell.problem
                            ? "border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/40"
                            : included
                              ? "border-accent-300 bg-accent-50 dark:border-accent-700/60 dark:bg-accent-700/10"
                              : "border-zinc-200 opacity-60 dark:border-zinc-800",
                        )}
                      >
                        <span className="flex items-center gap-1.5">
                          <input
                            type="checkbox"
                            checked={included}
                            onChange={() => onToggle(cell.row, cell.col)}
                            aria-label={`Run ${[plan.rows[r], plan.cols[cell.col]].filter(Boolean).join(", ")}`}
                          />
                          <span className="font-semibold tabular-nums">
                            {formatUsd(cell.costUsd)}
                          </span>
                        </span>
                        <span className="text-zinc-500 dark:text-zinc-400">
                          {ENDPOINTS[cell.model].label} · seed {cell.seed}
                        </span>
                        {cell.problem && (
                          <span className="text-red-700 dark:text-red-400">{cell.problem}</span>
                        )}
                      </label>
                    </td>
                  );
                })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
