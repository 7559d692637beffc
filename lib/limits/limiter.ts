/**
 * The limits that protect the fal key: runs per client per minute, and a spend cap in dollars per
 * UTC day for the whole deployment, reserved before a run reaches fal and given back if fal
 * refuses it. Counters live in a CounterStore (memory, or Redis shared by every instance).
 */
import { formatUsd } from "@/lib/endpoint";
import { untilText } from "@/lib/format/until-text";
import { PROXY_ERROR_TYPES } from "@/lib/proxy/error-types";
import type { CounterStore, Take } from "./counter-store";

const PREFIX = "hidream-playground:";
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Dollars are counted in whole micro-dollars so every store adds integers. */
const MICROS = 1_000_000;
/** Sign-in attempts per client per minute: enough for typos, too few to guess a password. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;
/**
 * Storage uploads a client may start per minute: the composer takes at most 10 references at
 * once, so this is room for a few batches and retries, and too few to use the key as free storage.
 */
export const UPLOADS_PER_MINUTE = 60;

export interface LimitSettings {
  runsPerMinute: number | null;
  dailyBudgetUsd: number | null;
}

/** What a client sees of the limits: the composer shows it, /api/limits returns it. */
export interface LimitsUsage {
  runsPerMinute: { limit: number; used: number; resetsAt: string } | null;
  dailyBudget: { limitUsd: number; spentUsd: number; resetsAt: string } | null;
  store: CounterStore["kind"];
}

export type Admission =
  | {
      ok: true;
      /** Gives the reservation back (the run never started). */ release(): Promise<void>;
    }
  | {
      ok: false;
      errorType: typeof PROXY_ERROR_TYPES.rateLimited | typeof PROXY_ERROR_TYPES.budgetExhausted;
      detail: string;
      resetsAt: Date;
    };

const minuteWindow = (now: number) => Math.floor(now / MINUTE_MS);
const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10);
const nextUtcMidnight = (now: number) => new Date((Math.floor(now / DAY_MS) + 1) * DAY_MS);
const toMicros = (usd: number) => Math.ceil(usd * MICROS - 1e-6);

export function createLimiter(settings: LimitSettings, store: CounterStore) {
  const runsKey = (client: string, now: number) => `${PREFIX}runs:${client}:${minuteWindow(now)}`;
  const spendKey = (now: number) => `${PREFIX}spend:${utcDay(now)}`;

  return {
    store,
    settings,

    /** Reserves one run of at most `costUsd` for `client`, or says which limit refuses it. */
    async admitRun(client: string, costUsd: number, now = Date.now()): Promise<Admission> {
      const takes: Take[] = [];
      const kinds: ("runs" | "spend")[] = [];
      const cost = toMicros(costUsd);
      if (settings.runsPerMinute !== null) {
        takes.push({
          key: runsKey(client, now),
          amount: 1,
          limit: settings.runsPerMinute,
          ttlMs: 2 * MINUTE_MS,
        });
        kinds.push("runs");
      }
      if (settings.dailyBudgetUsd !== null) {
        takes.push({
          key: spendKey(now),
          amount: cost,
          limit: toMicros(settings.dailyBudgetUsd),
          ttlMs: 2 * DAY_MS,
        });
        kinds.push("spend");
      }
      if (takes.length === 0) return { ok: true, release: async () => {} };

      const result = await store.take(takes);
      if (result.ok) {
        return {
          ok: true,
          release: async () => {
            await Promise.all(takes.map((take) => store.give(take.key, take.amount)));
          },
        };
      }
      if (kinds[result.refused] === "runs") {
        const resetsAt = new Date((minuteWindow(now) + 1) * MINUTE_MS);
        return {
          ok: false,
          errorType: PROXY_ERROR_TYPES.rateLimited,
          resetsAt,
          detail: `This playground allows ${settings.runsPerMinute} runs per minute from one address. Try again ${untilText(resetsAt, now)}.`,
        };
      }
      const limitUsd = settings.dailyBudgetUsd!;
      const spentUsd = (result.totals[result.refused] ?? 0) / MICROS;
      const resetsAt = nextUtcMidnight(now);
      return {
        ok: false,
        errorType: PROXY_ERROR_TYPES.budgetExhausted,
        resetsAt,
        detail:
          costUsd > limitUsd
            ? `This run could cost up to ${formatUsd(costUsd)}, more than this playground's daily cap of ${formatUsd(limitUsd)}. Make fewer or smaller images, or ask the owner to raise DAILY_BUDGET_USD.`
            : `Today's spend cap is reached: ${formatUsd(spentUsd)} of ${formatUsd(limitUsd)} spent, and this run could cost up to ${formatUsd(costUsd)}. The cap resets at 00:00 UTC (${untilText(resetsAt, now)}).`,
      };
    },

    /**
     * Counts a storage upload: a few per minute per client, and none once today's budget is spent
     * (nothing could run with them, and uploads are not free storage for strangers).
     */
    async admitUpload(
      client: string,
      cheapestRunUsd: number,
      now = Date.now(),
    ): Promise<Admission> {
      const takes: Take[] = [
        {
          key: `${PREFIX}uploads:${client}:${minuteWindow(now)}`,
          amount: 1,
          limit: UPLOADS_PER_MINUTE,
          ttlMs: 2 * MINUTE_MS,
        },
      ];
      if (settings.dailyBudgetUsd !== null) {
        // Taking 0 fails only when the spend already leaves no room for the cheapest run: a
        // check in the same atomic step, not a spend.
        takes.push({
          key: spendKey(now),
          amount: 0,
          limit: toMicros(settings.dailyBudgetUsd) - toMicros(cheapestRunUsd),
          ttlMs: 2 * DAY_MS,
        });
      }
      const result = await store.take(takes);
      if (result.ok) {
        return { ok: true, release: () => store.give(takes[0]!.key, 1) };
      }
      if (result.refused === 0) {
        const resetsAt = new Date((minuteWindow(now) + 1) * MINUTE_MS);
        return {
          ok: false,
          errorType: PROXY_ERROR_TYPES.rateLimited,
          resetsAt,
          detail: `This playground allows ${UPLOADS_PER_MINUTE} uploads per minute from one address. Try again ${untilText(resetsAt, now)}.`,
        };
      }
      const resetsAt = nextUtcMidnight(now);
      return {
        ok: false,
        errorType: PROXY_ERROR_TYPES.budgetExhausted,
        resetsAt,
        detail: `Today's spend cap of ${formatUsd(settings.dailyBudgetUsd!)} is used up, so uploads are paused too. They resume at 00:00 UTC (${untilText(resetsAt, now)}).`,
      };
    },

    /** Counts a sign-in attempt; false when the client has tried too often this minute. */
    async admitSignIn(client: string, now = Date.now()): Promise<{ ok: boolean; resetsAt: Date }> {
      const result = await store.take([
        {
          key: `${PREFIX}sign-in:${client}:${minuteWindow(now)}`,
          amount: 1,
          limit: SIGN_IN_ATTEMPTS_PER_MINUTE,
          ttlMs: 2 * MINUTE_MS,
        },
      ]);
      return { ok: result.ok, resetsAt: new Date((minuteWindow(now) + 1) * MINUTE_MS) };
    },

    /** The client's view of both limits right now. */
    async usage(client: string, now = Date.now()): Promise<LimitsUsage> {
      const [runs = 0, spent = 0] = await store.read([runsKey(client, now), spendKey(now)]);
      return {
        runsPerMinute:
          settings.runsPerMinute === null
            ? null
            : {
                limit: settings.runsPerMinute,
                used: runs,
                resetsAt: new Date((minuteWindow(now) + 1) * MINUTE_MS).toISOString(),
              },
        dailyBudget:
          settings.dailyBudgetUsd === null
            ? null
            : {
                limitUsd: settings.dailyBudgetUsd,
                spentUsd: spent / MICROS,
                resetsAt: nextUtcMidnight(now).toISOString(),
              },
        store: store.kind,
      };
    },
  };
}

export type Limiter = ReturnType<typeof createLimiter>;
