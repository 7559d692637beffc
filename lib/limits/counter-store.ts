/**
 * Counters behind the limits: in this process's memory by default, or in Redis so every instance
 * of a deployment shares them. Both take several counters in one atomic step.
 */

/** Add `amount` to `key` unless the total would pass `limit`; a new key expires after `ttlMs`. */
export interface Take {
  key: string;
  amount: number;
  limit: number;
  ttlMs: number;
}

export type TakeResult =
  /** Every counter was raised; `totals` are the new values, in order. */
  | { ok: true; totals: number[] }
  /** Nothing was raised: counter `refused` would pass its limit; `totals` are the values now. */
  | { ok: false; refused: number; totals: number[] };

export interface CounterStore {
  readonly kind: "memory" | "redis";
  /** Raises all counters or none. */
  take(takes: readonly Take[]): Promise<TakeResult>;
  /** Lowers a counter (a refused or failed run gives its reservation back); never below 0. */
  give(key: string, amount: number): Promise<void>;
  /** Current values (0 for missing or expired keys). */
  read(keys: readonly string[]): Promise<number[]>;
  /** Throws when the store cannot be used right now. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// Next builds a copy of this module into each bundle (route handlers, pages, server actions), and
// the limiter is shared on globalThis, so its error may come from another copy than the caller's:
// `instanceof` is false across copies. A registered symbol is the same in every copy.
const UNAVAILABLE = Symbol.for("hidream-playground.CounterStoreUnavailable");

/** Thrown when the store cannot answer: limits then fail closed. */
export class CounterStoreUnavailable extends Error {
  readonly [UNAVAILABLE] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CounterStoreUnavailable";
  }
}

/** Whether an error says the store cannot answer, whichever bundle's copy of the class made it. */
export function isCounterStoreUnavailable(error: unknown): error is CounterStoreUnavailable {
  return typeof error === "object" && error !== null && UNAVAILABLE in error;
}
