/**
 * The Redis store fails closed and heals: against a real redis-server that is missing, stopped or
 * hung, every call rejects quickly with CounterStoreUnavailable, and once Redis is back the same
 * store works again without a restart of the app.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CounterStoreUnavailable, type CounterStore } from "@/lib/limits/counter-store";
import { createRedisStore } from "@/lib/limits/redis-store";
import { freePort, startRedisServer, type RedisServer } from "@/tests/support/redis-server";

const HOUR = 3_600_000;
const crashes: unknown[] = [];
const onCrash = (error: unknown) => void crashes.push(error);
const stores: CounterStore[] = [];
let redis: RedisServer;

beforeAll(async () => {
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
  redis = await startRedisServer();
}, 20_000);

afterEach(async () => {
  redis.resume();
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

afterAll(async () => {
  await redis?.stop();
  process.off("uncaughtException", onCrash);
  process.off("unhandledRejection", onCrash);
});

function open(url: string, commandTimeoutMs?: number): CounterStore {
  const store = createRedisStore(url, { commandTimeoutMs });
  stores.push(store);
  return store;
}

const one = (key: string) => [{ key, amount: 1, limit: 100, ttlMs: HOUR }];

/** Resolves with how long the call took to reject, failing the test if it succeeded. */
async function rejection(call: () => Promise<unknown>): Promise<{ error: Error; ms: number }> {
  const start = Date.now();
  const error = await call().then(
    () => {
      throw new Error("expected the store to reject");
    },
    (error: Error) => error,
  );
  return { error, ms: Date.now() - start };
}

/** Retries a take until it succeeds: reconnecting takes a moment, but must happen in seconds. */
async function eventually<T>(call: () => Promise<T>, withinMs = 5000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof CounterStoreUnavailable) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("Redis store when Redis is not there", () => {
  it(
    "rejects within 3 s, naming host:port and never the password",
    { timeout: 10_000 },
    async () => {
      const port = await freePort();
      const store = open(`redis://limits:s3cret-pass@127.0.0.1:${port}`);
      for (const call of [
        () => store.take(one("k")),
        () => store.ping(),
        () => store.read(["k"]),
      ]) {
        const { error, ms } = await rejection(call);
        expect(error).toBeInstanceOf(CounterStoreUnavailable);
        expect(error.message).toBe(`Redis at 127.0.0.1:${port} is not reachable (ECONNREFUSED)`);
        expect(error.message).not.toContain("s3cret");
        expect(ms).toBeLessThan(3000);
      }
    },
  );

  it(
    "rejects a stopped server within 3 s and works again after a restart",
    { timeout: 20_000 },
    async () => {
      const store = open(redis.url);
      expect(await store.take(one("stop"))).toEqual({ ok: true, totals: [1] });
      await redis.stop();
      const outcomes: { error: Error; ms: number }[] = [];
      try {
        // Let the drop reach the store while it is idle, the usual case in production.
        await new Promise((resolve) => setTimeout(resolve, 200));
        for (let i = 0; i < 3; i++) outcomes.push(await rejection(() => store.take(one("stop"))));
      } finally {
        await redis.restart(); // even when failing, so later tests still have a server
      }
      for (const { error, ms } of outcomes) {
        expect(error).toBeInstanceOf(CounterStoreUnavailable);
        // Refused at once, not timed out: the store saw the drop and is redialing in the background.
        expect(error.message).toBe(
          `Redis at 127.0.0.1:${redis.port} is not reachable (ECONNREFUSED)`,
        );
        expect(ms).toBeLessThan(3000);
      }
      // The restarted server kept nothing (no persistence), so the count starts over.
      expect(await eventually(() => store.take(one("stop")))).toEqual({ ok: true, totals: [1] });
      expect(await store.take(one("stop"))).toEqual({ ok: true, totals: [2] });
    },
  );

  it(
    "rejects a hung server within the command timeout and recovers on resume",
    { timeout: 20_000 },
    async () => {
      const commandTimeoutMs = 1000;
      const store = open(redis.url, commandTimeoutMs);
      expect(await store.take(one("hang"))).toEqual({ ok: true, totals: [1] });
      redis.pause();
      for (let i = 0; i < 2; i++) {
        const { error, ms } = await rejection(() => store.take(one("hang")));
        expect(error).toBeInstanceOf(CounterStoreUnavailable);
        expect(error.message).toBe(
          `Redis at 127.0.0.1:${redis.port} is not reachable (no answer within 1000 ms)`,
        );
        expect(ms).toBeLessThan(commandTimeoutMs + 1000);
      }
      redis.resume();
      // A take already written to the hung server may still run when it wakes (an over-count, the
      // safe side), so exact totals are checked on a fresh key.
      expect(await eventually(() => store.take(one("after-hang")))).toEqual({
        ok: true,
        totals: [1],
      });
      expect(await store.read(["after-hang"])).toEqual([1]);
    },
  );

  it("rejects after close", async () => {
    const store = open(redis.url);
    await store.ping();
    await store.close();
    await expect(store.ping()).rejects.toBeInstanceOf(CounterStoreUnavailable);
  });

  it("let no error event or rejection escape to the process", () => {
    expect(crashes).toEqual([]);
  });
});
