/**
 * Counters in Redis. On Vercel every request may land on a different instance, each with its own
 * memory, so per-process counters would let each instance spend the whole budget: only a store
 * they all share enforces one limit. The store fails closed: when Redis cannot answer, every call
 * rejects quickly with CounterStoreUnavailable and the caller refuses the run, because spending
 * money we cannot count is worse than a short outage of the playground.
 */
import { createRedisRunner, hostAndPort } from "@/lib/redis/runner";
import { CounterStoreUnavailable } from "./counter-store";
import type { CounterStore, Take, TakeResult } from "./counter-store";

// One script, so no other client can slip between the check and the raise. ARGV holds amount,
// limit, ttlMs per key; the reply is the refused index (-1 = none), then the totals. A window
// starts at a counter's first take and later takes must not stretch it: PTTL < 0 marks a new
// key (rather than PEXPIRE NX, which some hosted Redis lack).
const TAKE = `
local totals = {}
for i = 1, #KEYS do totals[i] = tonumber(redis.call('GET', KEYS[i]) or '0') end
for i = 1, #KEYS do
  if totals[i] + tonumber(ARGV[3 * i - 2]) > tonumber(ARGV[3 * i - 1]) then
    return {i - 1, unpack(totals)}
  end
end
for i = 1, #KEYS do
  totals[i] = redis.call('INCRBY', KEYS[i], ARGV[3 * i - 2])
  if redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[3 * i]) end
end
return {-1, unpack(totals)}`;

// DECRBY keeps the key's TTL; a missing key stays missing, so no counter lives forever.
const GIVE = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current > 0 then redis.call('DECRBY', KEYS[1], math.min(current, tonumber(ARGV[1]))) end
return 0`;

export function createRedisStore(
  url: string,
  options: { commandTimeoutMs?: number } = {},
): CounterStore {
  const where = hostAndPort(url);
  const { run, close } = createRedisRunner(url, {
    timeoutMs: options.commandTimeoutMs ?? 2000,
    unavailable: (reason, cause) =>
      new CounterStoreUnavailable(`Redis at ${where} is not reachable (${reason})`, { cause }),
  });

  return {
    kind: "redis",
    async take(takes: readonly Take[]): Promise<TakeResult> {
      if (takes.length === 0) return { ok: true, totals: [] };
      for (const { amount, limit, ttlMs } of takes) {
        if (!whole(amount, 0) || !whole(ttlMs, 1) || !Number.isFinite(limit)) {
          throw new RangeError(`Bad take: amount ${amount}, limit ${limit}, ttlMs ${ttlMs}`);
        }
      }
      const reply = (await run((client) =>
        client.eval(TAKE, {
          keys: takes.map((take) => take.key),
          arguments: takes.flatMap((take) => [take.amount, take.limit, take.ttlMs].map(String)),
        }),
      )) as number[];
      const [refused = -1, ...totals] = reply.map(Number);
      return refused < 0 ? { ok: true, totals } : { ok: false, refused, totals };
    },
    async give(key, amount) {
      if (!whole(amount, 0)) throw new RangeError(`Bad amount to give: ${amount}`);
      await run((client) => client.eval(GIVE, { keys: [key], arguments: [String(amount)] }));
    },
    async read(keys) {
      if (keys.length === 0) return [];
      const values = await run((client) => client.mGet([...keys]));
      return values.map((value) => Number(value ?? 0));
    },
    async ping() {
      await run((client) => client.ping());
    },
    async close() {
      close();
    },
  };
}

// INCRBY only takes integers: a fraction would come back as a Redis error that reads like an outage.
const whole = (value: number, min: number) => Number.isSafeInteger(value) && value >= min;
