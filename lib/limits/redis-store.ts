/**
 * Counters in Redis. On Vercel every request may land on a different instance, each with its own
 * memory, so per-process counters would let each instance spend the whole budget: only a store
 * they all share enforces one limit. The store fails closed: when Redis cannot answer, every call
 * rejects quickly with CounterStoreUnavailable and the caller refuses the run, because spending
 * money we cannot count is worse than a short outage of the playground.
 */
import { once } from "node:events";
import { createClient } from "redis";
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

type Client = ReturnType<typeof createClient>;
interface Connection {
  client: Client;
  ready?: Promise<void>;
}

export function createRedisStore(
  url: string,
  options: { commandTimeoutMs?: number } = {},
): CounterStore {
  const timeoutMs = options.commandTimeoutMs ?? 2000;
  const where = hostAndPort(url);
  let connection: Connection | undefined;
  let closed = false;

  const unavailable = (reason: string, cause?: unknown) =>
    new CounterStoreUnavailable(`Redis at ${where} is not reachable (${reason})`, { cause });

  const open = (): Connection => {
    const client = createClient({
      url,
      // A command queued while offline would run whenever Redis returns, long after its caller
      // was answered; failing now is the only honest reply.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: timeoutMs,
        reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 500),
      },
    });
    // Without a listener, a dropped connection would crash the process with an 'error' event.
    client.on("error", () => {});
    // Resolves once ready; on failure it keeps retrying in the background (reconnectStrategy).
    client.connect().catch(() => {});
    return { client };
  };

  // Ready, or the next failed attempt (once() rejects on 'error'); shared, so a burst of calls
  // during a reconnect adds one listener rather than one each.
  const nextAttempt = (conn: Connection) =>
    (conn.ready ??= once(conn.client, "ready")
      .then(() => {})
      .finally(() => (conn.ready = undefined)));

  // A hung server or half-open socket never answers and node-redis's own timeouts stop guarding a
  // command once it is written, so a timed-out connection is dropped and the next call dials anew.
  const discard = (conn: Connection) => {
    if (connection === conn) connection = undefined;
    if (conn.client.isOpen) conn.client.destroy();
  };

  async function run<T>(command: (client: Client) => Promise<T>): Promise<T> {
    if (closed) throw unavailable("the store was closed");
    if (connection && !connection.client.isOpen) connection = undefined;
    const conn = (connection ??= open());
    const deadline = AbortSignal.timeout(timeoutMs);
    const expired = new Promise<never>((_, reject) =>
      deadline.addEventListener("abort", () => reject(deadline.reason)),
    );
    expired.catch(() => {});
    try {
      if (!conn.client.isReady) await Promise.race([nextAttempt(conn), expired]);
      // The signal drops a command still waiting in node-redis's queue; the race covers the rest.
      return await Promise.race([command(conn.client.withAbortSignal(deadline)), expired]);
    } catch (error) {
      if (deadline.aborted) {
        discard(conn);
        throw unavailable(`no answer within ${timeoutMs} ms`, error);
      }
      throw unavailable(reasonOf(error), error);
    }
  }

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
      closed = true;
      if (connection) discard(connection);
    },
  };
}

// INCRBY only takes integers: a fraction would come back as a Redis error that reads like an outage.
const whole = (value: number, min: number) => Number.isSafeInteger(value) && value >= min;

/** host:port for messages: the URL may carry a password, which must never reach a log. */
export function hostAndPort(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed?.protocol !== "redis:" && parsed?.protocol !== "rediss:") {
    throw new TypeError("The Redis URL is not a valid redis:// or rediss:// URL");
  }
  return `${parsed.hostname}:${parsed.port || "6379"}`;
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : error.message || error.name;
}
