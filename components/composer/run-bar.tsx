"use client";

import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  ENDPOINTS,
  formatUsd,
  megapixels,
  type EditInput,
  type ModelId,
  type Size,
} from "@/lib/endpoint";
import { preloadFalClient } from "@/lib/fal/page-calls";
import { LimitsLine } from "./limits-line";

// Loaded when someone opens it: most runs are single.
const VaryDialog = dynamic(
  () => import("@/components/grid/vary-dialog").then((m) => m.VaryDialog),
  {
    ssr: false,
  },
);

/**
 * The estimated cost, with the assumption behind it, what the limits leave (when the deployment
 * has any), and the Run button with its reason.
 */
export function RunBar({
  input,
  model,
  output,
  numImages,
  costUsd,
  blocker,
  inputBlocker,
  limited,
  onRun,
}: {
  input: EditInput;
  model: ModelId;
  output: Size;
  numImages: number;
  costUsd: number;
  blocker?: string;
  /** Why the input cannot be varied (a grid prices itself, so the limits are not in it). */
  inputBlocker?: string;
  /** Whether the deployment caps runs or spend, so the limits line has a place. */
  limited: boolean;
  onRun: () => void;
}) {
  const reasonId = useId();
  const [varying, setVarying] = useState(false);
  return (
    <div className="flex flex-col gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="text-zinc-600 dark:text-zinc-400">Estimated cost</span>
        <span
          className="font-semibold tabular-nums"
          aria-label={`Estimated cost ${formatUsd(costUsd)}`}
        >
          {formatUsd(costUsd)}
        </span>
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {numImages} × {output.width} × {output.height} ({megapixels(output).toFixed(2)} MP) at $
        {ENDPOINTS[model].pricePerMegapixelUsd} per megapixel ({ENDPOINTS[model].label}). Assumes
        fal bills the snapped output size; the result shows the actual size and cost.
      </p>
      {limited && <LimitsLine />}
      <div className="flex gap-2">
        <Button
          variant="primary"
          className="flex-1 py-2.5"
          disabled={!!blocker}
          aria-describedby={blocker ? reasonId : undefined}
          onClick={onRun}
          // The fal client loads on the first run or upload; a hover or focus on Run starts it.
          onPointerEnter={preloadFalClient}
          onFocus={preloadFalClient}
        >
          Run{" "}
          <kbd className="hidden rounded border border-white/30 px-1 text-[10px] font-normal sm:inline">
            Ctrl ↵
          </kbd>
        </Button>
        <Button
          variant="secondary"
          className="py-2.5"
          disabled={!!inputBlocker}
          aria-describedby={inputBlocker ? reasonId : undefined}
          onClick={() => setVarying(true)}
        >
          Vary…
        </Button>
      </div>
      {blocker && (
        <p id={reasonId} className="text-center text-xs text-zinc-500 dark:text-zinc-400">
          {blocker}
        </p>
      )}
      {varying && <VaryDialog input={input} model={model} onClose={() => setVarying(false)} />}
    </div>
  );
}
