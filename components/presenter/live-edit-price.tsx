"use client";

import { ENDPOINTS, formatUsd, type ModelId, type Size } from "@/lib/endpoint";
import { budgetLeftUsd, FEW_RUNS_LEFT, localTime, runsLeft } from "@/lib/fal/limits";
import { usePlayground } from "@/lib/store/playground-store";

/**
 * The live edit's estimated cost, and what the limits leave (the composer's limits line, in one
 * line on a dark bar): today's budget when there is one, the runs this minute when few are left.
 */
export function LiveEditPrice({
  costUsd,
  output,
  model,
}: {
  costUsd: number;
  output: Size;
  model: ModelId;
}) {
  const limits = usePlayground((s) => s.limits);
  const budget = limits?.dailyBudget;
  const budgetLeft = budgetLeftUsd(limits);
  const runs = limits?.runsPerMinute;
  const left = runsLeft(limits);
  return (
    <p className="flex flex-wrap gap-x-1.5 text-xs text-zinc-400 tabular-nums">
      <span>
        Estimated cost <span className="font-semibold text-zinc-100">{formatUsd(costUsd)}</span> (
        {output.width} × {output.height}, {ENDPOINTS[model].label})
      </span>
      {budget && budgetLeft !== null && (
        <span>
          · Budget today: {formatUsd(budgetLeft)} of {formatUsd(budget.limitUsd)} left · resets{" "}
          {localTime(budget.resetsAt)}
        </span>
      )}
      {runs && left !== null && left <= FEW_RUNS_LEFT && (
        <span className={left === 0 ? "text-amber-400" : undefined}>
          · {left} of {runs.limit} runs left this minute
        </span>
      )}
    </p>
  );
}
