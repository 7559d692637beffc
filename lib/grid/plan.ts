/**
 * A variation grid, planned before anything runs: the axes a person varies (seeds, prompt
 * variants, models, sizes), every cell they make with its input and its price, and how the cells
 * lay out as rows and columns. Pure: the dialog previews it, the runner runs it, tests check it.
 */
import {
  costUsd,
  ENDPOINTS,
  formatUsd,
  INPUT_RANGES,
  keepsOriginalAspect,
  outputSize,
  requestedSize,
  snapToPreset,
  type EditInput,
  type ImageSize,
  type ModelId,
} from "@/lib/endpoint";
import { inputSchemaFor } from "@/lib/endpoint/schema";
import { maxRunCostUsd } from "@/lib/limits/run-cost";

/** The most cells a grid may have: more is a batch job, not a comparison. */
export const MAX_GRID_CELLS = 48;

export interface GridAxes {
  seeds: readonly number[];
  prompts: readonly string[];
  models: readonly ModelId[];
  sizes: readonly ImageSize[];
}

type AxisName = keyof GridAxes;

export interface GridCell {
  /** Row and column in the laid-out grid, 0-based. */
  row: number;
  col: number;
  seed: number;
  prompt: string;
  model: ModelId;
  size: ImageSize;
  input: EditInput;
  /** What the cell may cost at most, as the proxy prices it. */
  costUsd: number;
  /** What the cell is expected to cost (the snapped size), as the composer shows. */
  estimateUsd: number;
  /** Why this cell cannot run (its model's schema refuses the input), if it cannot. */
  problem?: string;
}

export interface GridPlan {
  cells: GridCell[];
  /** The axes that vary, in layout order: the first makes the rows, the rest the columns. */
  rowAxis?: AxisName;
  columnAxes: AxisName[];
  rows: string[];
  cols: string[];
  totalUsd: number;
  estimateUsd: number;
}

/** Seeds for "n random": distinct, within fal's range. */
export function randomSeeds(count: number, random: () => number = Math.random): number[] {
  const seeds = new Set<number>();
  while (seeds.size < count) seeds.add(Math.floor(random() * INPUT_RANGES.seed.max));
  return [...seeds];
}

/** Seeds from a list typed by a person ("1, 2 3\n4"): numbers in range, or the first problem. */
export function parseSeedList(text: string): number[] | string {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return "List at least one seed.";
  const seeds: number[] = [];
  for (const part of parts) {
    const seed = Number(part);
    if (!Number.isInteger(seed) || seed < INPUT_RANGES.seed.min || seed > INPUT_RANGES.seed.max)
      return `“${part}” is not a seed: use whole numbers from ${INPUT_RANGES.seed.min} to ${INPUT_RANGES.seed.max}.`;
    seeds.push(seed);
  }
  return [...new Set(seeds)];
}

/** Prompt variants, one per line; blank lines are skipped. */
export function parsePromptVariants(text: string): string[] {
  return [
    ...new Set(
      text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

/** "1024 × 576 → 2560 × 1440" style labels for a size, as the size field names them. */
export function sizeLabel(size: ImageSize): string {
  const requested = requestedSize(size);
  const snapped = snapToPreset(requested);
  const name = typeof size === "string" ? size : `${requested.width} × ${requested.height}`;
  return `${name} → ${snapped.width} × ${snapped.height}`;
}

const LABELS: Record<AxisName, (value: never) => string> = {
  seeds: (seed: number) => `seed ${seed}`,
  prompts: (prompt: string) => (prompt.length > 48 ? `${prompt.slice(0, 47)}…` : prompt),
  models: (model: ModelId) => ENDPOINTS[model].label,
  sizes: (size: ImageSize) => sizeLabel(size),
};

/** Layout order: prompts make the best rows, then models, sizes and seeds. */
const LAYOUT: readonly AxisName[] = ["prompts", "models", "sizes", "seeds"];

/**
 * Every cell of the grid from a base input (the composer's), its model, and the axes. A cell on
 * another model than the base takes that model's steps and guidance, since the two are tuned
 * apart (28 and 0 against 50 and 5); everything else comes from the base.
 */
export function planGrid(base: EditInput, baseModel: ModelId, axes: GridAxes): GridPlan {
  const varying = LAYOUT.filter((axis) => axes[axis].length > 1);
  const [rowAxis, ...columnAxes] = varying;
  const values = (axis: AxisName) => axes[axis] as readonly unknown[];
  const label = (axis: AxisName, value: unknown) => LABELS[axis](value as never);
  const combos = (names: AxisName[]): Record<string, unknown>[] =>
    names.reduce<Record<string, unknown>[]>(
      (acc, axis) => acc.flatMap((combo) => values(axis).map((v) => ({ ...combo, [axis]: v }))),
      [{}],
    );
  const rowCombos = rowAxis ? combos([rowAxis]) : [{}];
  const colCombos = combos(columnAxes);

  const cells: GridCell[] = [];
  rowCombos.forEach((rowCombo, row) => {
    colCombos.forEach((colCombo, col) => {
      const pick = { ...rowCombo, ...colCombo };
      const seed = (pick.seeds ?? axes.seeds[0]) as number;
      const prompt = (pick.prompts ?? axes.prompts[0]) as string;
      const model = (pick.models ?? axes.models[0]) as ModelId;
      const size = (pick.sizes ?? axes.sizes[0]) as ImageSize;
      const spec = ENDPOINTS[model];
      const input: EditInput = {
        ...base,
        prompt,
        seed,
        image_size: size,
        ...(model !== baseModel && {
          num_inference_steps: spec.steps.default,
          guidance_scale: spec.guidance.default,
        }),
      };
      const parsed = inputSchemaFor(model).safeParse(input);
      const count = input.num_images ?? INPUT_RANGES.numImages.default;
      const output = keepsOriginalAspect(input) ? undefined : outputSize(input);
      cells.push({
        row,
        col,
        seed,
        prompt,
        model,
        size,
        input,
        costUsd: maxRunCostUsd(input, model),
        estimateUsd: output ? costUsd(output, count, model) : maxRunCostUsd(input, model),
        ...(!parsed.success && { problem: parsed.error.issues[0]?.message }),
      });
    });
  });
  return {
    cells,
    rowAxis,
    columnAxes,
    rows: rowCombos.map((combo) => (rowAxis ? label(rowAxis, combo[rowAxis]) : "")),
    cols: colCombos.map((combo) => columnAxes.map((axis) => label(axis, combo[axis])).join(" · ")),
    totalUsd: cells.reduce((sum, cell) => sum + cell.costUsd, 0),
    estimateUsd: cells.reduce((sum, cell) => sum + cell.estimateUsd, 0),
  };
}

/** Why a grid (or the chosen part of it) cannot go, in words, or undefined. */
export function gridBlocker(
  cells: readonly GridCell[],
  budgetLeftUsd: number | null,
): string | undefined {
  if (cells.length === 0) return "Choose at least one cell.";
  if (cells.length > MAX_GRID_CELLS)
    return `${cells.length} cells: a grid holds at most ${MAX_GRID_CELLS}. Vary fewer things at once.`;
  const broken = cells.find((cell) => cell.problem);
  if (broken) return `A ${ENDPOINTS[broken.model].label} cell cannot run: ${broken.problem}`;
  const total = cells.reduce((sum, cell) => sum + cell.costUsd, 0);
  if (budgetLeftUsd !== null && total > budgetLeftUsd + 1e-9) {
    return `These cells could cost up to ${formatUsd(total)}, more than the ${formatUsd(budgetLeftUsd)} left in today's budget. Choose fewer cells, or run the rest tomorrow.`;
  }
  return undefined;
}
