/**
 * The browser's view of the proxy's limits (runs per minute, today's budget), read from
 * /api/limits, and what they mean for the next run.
 */
import { formatUsd } from "@/lib/endpoint";

export { untilText } from "@/lib/format/until-text";
import type { LimitsUsage } from "@/lib/limits/limiter";

export type { LimitsUsage } from "@/lib/limits/limiter";

export const LIMITS_PATH = "/api/limits";

/** Runs-left counts at or below this are worth a line under the Run button. */
export const FEW_RUNS_LEFT = 2;

const isUsage = (body: unknown): body is LimitsUsage =>
  typeof body === "object" && body !== null && "runsPerMinute" in body && "dailyBudget" in body;

/** The caller's limits right now, or a sentence saying why they could not be read. */
export async function fetchLimits(): Promise<LimitsUsage | { error: string }> {
  try {
    const response = await fetch(LIMITS_PATH, { cache: "no-store", credentials: "same-origin" });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok && isUsage(body)) return body;
    const detail = (body as { detail?: unknown } | undefined)?.detail;
    return {
      error: typeof detail === "string" ? detail : `The limits answered ${response.status}.`,
    };
  } catch {
    return { error: "The limits could not be checked: the connection dropped." };
  }
}

/** Runs the caller may still start this minute, or null when there is no such limit. */
export function runsLeft(usage: LimitsUsage | null): number | null {
  const runs = usage?.runsPerMinute;
  return runs ? Math.max(0, runs.limit - runs.used) : null;
}

/** Dollars left in today's budget, or null when there is no cap. */
export function budgetLeftUsd(usage: LimitsUsage | null): number | null {
  const budget = usage?.dailyBudget;
  return budget ? Math.max(0, budget.limitUsd - budget.spentUsd) : null;
}

/** "01:00": a reset time in the user's own clock. */
export function localTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(
    new Date(iso),
  );
}

/**
 * Why the limits would refuse a run that may cost up to `runCostUsd`, in words, or undefined.
 * The cost is what the proxy reserves, so Run is disabled exactly when the proxy would say no.
 */
export function limitsBlocker(usage: LimitsUsage | null, runCostUsd: number): string | undefined {
  if (!usage) return undefined;
  const runs = usage.runsPerMinute;
  if (runs && runsLeft(usage) === 0) {
    return `All ${runs.limit} runs for this minute are used. Run unlocks at ${localTime(runs.resetsAt)}.`;
  }
  const budget = usage.dailyBudget;
  const left = budgetLeftUsd(usage);
  if (budget && left !== null && left < runCostUsd) {
    const reset = localTime(budget.resetsAt);
    if (left <= 0) {
      return `Today's budget of ${formatUsd(budget.limitUsd)} is used up. It resets at ${reset}.`;
    }
    return `This run could cost up to ${formatUsd(runCostUsd)}, more than the ${formatUsd(left)} left in today's budget. Make fewer or smaller images, or wait until ${reset}.`;
  }
  return undefined;
}

/** How often the limits are read while the page is visible. */
export const LIMITS_CHECK_INTERVAL_MS = 60_000;
/** The least time between two reads, so a clock that disagrees with the server cannot loop. */
const MIN_CHECK_GAP_MS = 5_000;
/** Read a little after a reset, so the server's counter has surely rolled over. */
const AFTER_RESET_MS = 500;

/**
 * When to read the limits next: a minute after the last read, or just after a limit that is in
 * use resets, whichever comes first (so Run comes back as soon as it may).
 */
export function nextLimitsCheckAt(usage: LimitsUsage | null, checkedAt: number): number {
  const resets: number[] = [];
  if (usage?.runsPerMinute && usage.runsPerMinute.used > 0) {
    resets.push(Date.parse(usage.runsPerMinute.resetsAt));
  }
  if (usage?.dailyBudget && usage.dailyBudget.spentUsd > 0) {
    resets.push(Date.parse(usage.dailyBudget.resetsAt));
  }
  const soonest = Math.min(
    checkedAt + LIMITS_CHECK_INTERVAL_MS,
    ...resets.filter(Number.isFinite).map((reset) => reset + AFTER_RESET_MS),
  );
  return Math.max(checkedAt + MIN_CHECK_GAP_MS, soonest);
}
