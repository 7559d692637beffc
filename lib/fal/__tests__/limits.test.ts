import { describe, expect, it } from "vitest";
import {
  LIMITS_CHECK_INTERVAL_MS,
  limitsBlocker,
  localTime,
  nextLimitsCheckAt,
  untilText,
  type LimitsUsage,
} from "@/lib/fal/limits";

const NOW = Date.parse("2026-03-02T14:02:30Z");
const MINUTE_RESET = "2026-03-02T14:03:00.000Z";
const DAY_RESET = "2026-03-03T00:00:00.000Z";

function usage(runsUsed: number | null, spentUsd: number | null): LimitsUsage {
  return {
    runsPerMinute: runsUsed === null ? null : { limit: 6, used: runsUsed, resetsAt: MINUTE_RESET },
    dailyBudget: spentUsd === null ? null : { limitUsd: 5, spentUsd, resetsAt: DAY_RESET },
    store: "memory",
  };
}

describe("when the limits disable Run", () => {
  it("lets a run through when nothing is capped, or nothing is known yet", () => {
    expect(limitsBlocker(null, 1)).toBeUndefined();
    expect(limitsBlocker(usage(null, null), 1)).toBeUndefined();
    expect(limitsBlocker(usage(5, 4.9), 0.05)).toBeUndefined();
  });

  it("says when this minute's runs are used up, and when Run comes back", () => {
    expect(limitsBlocker(usage(6, 0), 0.01)).toBe(
      `All 6 runs for this minute are used. Run unlocks at ${localTime(MINUTE_RESET)}.`,
    );
  });

  it("says when the budget left is below what the run could cost", () => {
    expect(limitsBlocker(usage(0, 4.99), 0.02)).toBe(
      `This run could cost up to $0.020, more than the $0.010 left in today's budget. Make fewer or smaller images, or wait until ${localTime(DAY_RESET)}.`,
    );
    expect(limitsBlocker(usage(0, 5), 0.02)).toBe(
      `Today's budget of $5.00 is used up. It resets at ${localTime(DAY_RESET)}.`,
    );
  });
});

describe("when the limits are read next", () => {
  it("reads a minute later when no limit is in use", () => {
    expect(nextLimitsCheckAt(usage(0, 0), NOW)).toBe(NOW + LIMITS_CHECK_INTERVAL_MS);
    expect(nextLimitsCheckAt(null, NOW)).toBe(NOW + LIMITS_CHECK_INTERVAL_MS);
  });

  it("reads just after this minute's runs reset, when some are used", () => {
    expect(nextLimitsCheckAt(usage(6, 0), NOW)).toBe(Date.parse(MINUTE_RESET) + 500);
  });

  it("never reads again within seconds, even when the clocks disagree", () => {
    expect(nextLimitsCheckAt(usage(6, 0), Date.parse(MINUTE_RESET) + 10_000)).toBe(
      Date.parse(MINUTE_RESET) + 15_000,
    );
  });
});

describe("how far off a reset is", () => {
  it("counts seconds, then minutes, then hours", () => {
    expect(untilText(MINUTE_RESET, NOW)).toBe("in 30 seconds");
    expect(untilText(DAY_RESET, Date.parse("2026-03-02T23:48:00Z"))).toBe("in 12 minutes");
    expect(untilText(DAY_RESET, Date.parse("2026-03-02T21:05:00Z"))).toBe("in 3 hours");
    expect(untilText(MINUTE_RESET, Date.parse(MINUTE_RESET) + 5_000)).toBe("in 1 second");
  });
});
