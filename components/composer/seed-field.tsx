"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_RANGES } from "@/lib/endpoint";
import type { SeedMode } from "@/lib/store/composer-form";
import { usePlayground } from "@/lib/store/playground-store";
import { ChoiceGroup } from "./choice-group";
import { errorProps, inputClass } from "./field";

const MODES: readonly SeedMode[] = ["random", "fixed"];

const randomSeed = () => String(Math.floor(Math.random() * INPUT_RANGES.seed.max));

/** seed: a new one each run (fal picks and reports it), or a fixed one to reproduce a result. */
export function SeedField({ error }: { error?: string }) {
  const form = usePlayground((s) => s.form);
  const updateForm = usePlayground((s) => s.updateForm);
  const id = useId();
  const [copied, setCopied] = useState(false);

  return (
    <div className="flex flex-col gap-1.5">
      <ChoiceGroup
        label="Seed"
        options={MODES}
        value={form.seedMode}
        format={(mode) => (mode === "random" ? "Random each run" : "Fixed")}
        onChange={(seedMode) =>
          updateForm(
            seedMode === "fixed" && !form.seed ? { seedMode, seed: randomSeed() } : { seedMode },
          )
        }
      />
      {form.seedMode === "fixed" ? (
        <div className="flex items-center gap-2">
          <input
            {...errorProps(id, error)}
            aria-label="Seed value"
            type="number"
            min={INPUT_RANGES.seed.min}
            max={INPUT_RANGES.seed.max}
            value={form.seed}
            onChange={(e) => updateForm({ seed: e.target.value })}
            className={`${inputClass} min-w-0 flex-1`}
          />
          <Button
            aria-label="New random seed"
            title="New random seed"
            onClick={() => updateForm({ seed: randomSeed() })}
          >
            <span aria-hidden>🎲</span>
          </Button>
          <Button
            aria-label="Copy seed"
            onClick={() =>
              void navigator.clipboard?.writeText(form.seed).then(() => {
                setCopied(true);
                setTimeout(() => setCopied(false), 1500);
              })
            }
          >
            <span aria-live="polite">{copied ? "Copied" : "Copy"}</span>
          </Button>
        </div>
      ) : (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          fal picks a seed for each run; the result shows it.
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
