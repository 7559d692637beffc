/** Summary statistics for latency samples, in milliseconds. */

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
  /** Completed requests per second of wall time spent on this target. */
  rps: number;
}

/**
 * Nearest-rank percentile of ascending samples: always a value that was actually observed, so a
 * p99 never reports a latency no request had.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("percentile of no samples");
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[], wallMs: number): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: total / sorted.length,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    rps: sorted.length / (wallMs / 1000),
  };
}

/** `items` turned by `by` places: each round of a bench takes its targets in another order. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
