/** Counters in this process's memory: right for one instance (`next start`, local use). */
import type { CounterStore, Take, TakeResult } from "./counter-store";

interface Entry {
  value: number;
  expiresAt: number;
}

/** A counter store that lives as long as the process; `now` is injectable for tests. */
export function createMemoryStore(now: () => number = Date.now): CounterStore {
  const entries = new Map<string, Entry>();

  const current = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const sweep = () => {
    if (entries.size < 10_000) return;
    for (const key of [...entries.keys()]) current(key);
  };

  return {
    kind: "memory",
    async take(takes: readonly Take[]): Promise<TakeResult> {
      sweep();
      const values = takes.map((take) => current(take.key)?.value ?? 0);
      const refused = takes.findIndex((take, i) => values[i]! + take.amount > take.limit);
      if (refused >= 0) return { ok: false, refused, totals: values };
      return {
        ok: true,
        totals: takes.map((take, i) => {
          const entry = current(take.key) ?? { value: 0, expiresAt: now() + take.ttlMs };
          entry.value = values[i]! + take.amount;
          entries.set(take.key, entry);
          return entry.value;
        }),
      };
    },
    async give(key, amount) {
      const entry = current(key);
      if (entry) entry.value = Math.max(0, entry.value - amount);
    },
    async read(keys) {
      return keys.map((key) => current(key)?.value ?? 0);
    },
    async ping() {},
    async close() {
      entries.clear();
    },
  };
}
