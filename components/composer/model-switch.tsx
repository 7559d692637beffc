"use client";

import { useId } from "react";
import { cn } from "@/lib/cn";
import { ENDPOINTS, MODELS } from "@/lib/endpoint";
import { usePlayground } from "@/lib/store/playground-store";

/**
 * Dev or Full: real radio buttons (arrows and screen readers work), each with its price and
 * steps, and the chosen model's endpoint and summary under them.
 */
export function ModelSwitch() {
  const model = usePlayground((s) => s.form.model);
  const chooseModel = usePlayground((s) => s.chooseModel);
  const name = useId();
  const summaryId = useId();
  const spec = ENDPOINTS[model];
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={summaryId}>
      <legend className="mb-1.5 text-sm font-semibold">Model</legend>
      <div className="grid grid-cols-2 gap-1 rounded-xl border border-zinc-300 p-1 dark:border-zinc-700">
        {MODELS.map((id) => {
          const option = ENDPOINTS[id];
          const chosen = id === model;
          return (
            <label
              key={id}
              className={cn(
                "flex cursor-pointer flex-col rounded-lg px-3 py-1.5 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500",
                chosen
                  ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                  : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
              )}
            >
              <input
                type="radio"
                name={name}
                value={id}
                className="sr-only"
                checked={chosen}
                onChange={() => chooseModel(id)}
              />
              <span className="text-sm font-semibold">{option.label}</span>
              <span
                className={cn(
                  "text-xs tabular-nums",
                  chosen
                    ? "text-white/75 dark:text-zinc-900/70"
                    : "text-zinc-500 dark:text-zinc-400",
                )}
              >
                ${option.pricePerMegapixelUsd}/MP · {option.steps.default} steps
              </span>
            </label>
          );
        })}
      </div>
      <p id={summaryId} className="text-xs text-zinc-500 dark:text-zinc-400">
        <span className="font-mono">{spec.id}</span> — {spec.summary}
      </p>
    </fieldset>
  );
}
