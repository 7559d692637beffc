"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatUsd, megapixels, PRICE_PER_MEGAPIXEL_USD } from "@/lib/endpoint";
import { usePlayground } from "@/lib/store/playground-store";
import { ReferenceTray } from "./reference-tray";
import { SettingsFields } from "./settings-fields";
import { useRunReadiness } from "./use-run-readiness";

/** Everything that goes into a run: references, prompt, parameters; and the Run button. */
export function Composer() {
  const prompt = usePlayground((s) => s.prompt);
  const setPrompt = usePlayground((s) => s.setPrompt);
  const startRun = usePlayground((s) => s.startRun);
  const numImages = usePlayground((s) => s.settings.num_images);
  const { input, blocker, output, costUsd } = useRunReadiness();
  const promptId = useId();
  const reasonId = useId();

  const run = () => {
    if (input) void startRun(input);
  };

  return (
    <Card aria-label="Composer" className="flex flex-col gap-5 p-4 sm:p-5 lg:sticky lg:top-6">
      <ReferenceTray />
      <div className="flex flex-col gap-1.5">
        <div className="flex items-baseline justify-between">
          <label htmlFor={promptId} className="text-sm font-medium">
            Prompt
          </label>
          <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
            {prompt.length} characters
          </span>
        </div>
        <textarea
          id={promptId}
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              run();
            }
          }}
          rows={4}
          placeholder="Describe the edit, e.g. “Put the person from image 1 in a sunlit café, keep their face”"
          className="resize-y rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-950"
        />
      </div>
      <SettingsFields />
      <div className="flex flex-col gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Output ≈ {output.width} × {output.height} ({megapixels(output).toFixed(1)} MP) ×{" "}
          {numImages} ·{" "}
          <span className="font-medium text-zinc-900 dark:text-zinc-100">
            est. {formatUsd(costUsd)}
          </span>{" "}
          <span
            title={`fal bills $${PRICE_PER_MEGAPIXEL_USD} per output megapixel per image; the size is snapped as the model does.`}
          >
            at ${PRICE_PER_MEGAPIXEL_USD}/MP
          </span>
        </p>
        <Button
          variant="primary"
          className="w-full py-2.5"
          disabled={!input}
          aria-describedby={blocker ? reasonId : undefined}
          onClick={run}
        >
          Run{" "}
          <kbd className="hidden rounded border border-white/30 px-1 text-[10px] font-normal sm:inline">
            Ctrl ↵
          </kbd>
        </Button>
        {blocker && (
          <p id={reasonId} className="text-center text-xs text-zinc-500 dark:text-zinc-400">
            {blocker}
          </p>
        )}
      </div>
    </Card>
  );
}
