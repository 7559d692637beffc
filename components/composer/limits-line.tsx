"use client";

import { useNow } from "@/components/runs/use-now";
import { formatUsd } from "@/lib/endpoint";
import { budgetLeftUsd, FEW_RUNS_LEFT, localTime, runsLeft, untilText } from "@/lib/fal/limits";
import { usePlayground } from "@/lib/store/playground-store";

/**
 * What is left of today's budget and, when it runs short, of this minute's runs. The line keeps
 * its height while the limits load, so the Run button does not move.
 */
export function LimitsLine() {
  const limits = usePlayground((s) => s.limits);
  const budget = limits?.dailyBudget;
  const now = useNow(!!budget, 15_000);
  const budgetLeft = budgetLeftUsd(limits);
  const runs = limits?.runsPerMinute;
  const left = runsLeft(limits);
  const fewRuns = !!runs && left !== null && left <= FEW_RUNS_LEFT;

  return (
    <p className="flex min-h-4 flex-wrap justify-center gap-x-1.5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
      {budget && budgetLeft !== null && (
        <span>
          Budget today: {formatUsd(budgetLeft)} of {formatUsd(budget.limitUsd)} left · resets{" "}
          {localTime(budget.resetsAt)} ({untilText(budget.resetsAt, now)})
        </span>
      )}
      {budget && fewRuns && <span aria-hidden>·</span>}
      {runs && fewRuns && (
        <span className={left === 0 ? "text-amber-700 dark:text-amber-400" : undefined}>
          {left} of {runs.limit} runs left this minute
        </span>
      )}
    </p>
  );
}
