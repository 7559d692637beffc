/**
 * One contract for every counter store: the memory store and the Redis store (against a real
 * redis-server) must agree on every rule the limits rely on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CounterStore } from "@/lib/limits/counter-store";
import { createMemoryStore } from "@/lib/limits/memory-store";
import { createRedisStore } from "@/lib/limits/redis-store";
import { startRedisServer, type RedisServer } from "@/tests/support/redis-server";

let redis: RedisServer | undefined;
const opened: CounterStore[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
}, 20_000);

afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await redis?.stop();
});

/** Two handles on the same counters: two clients for Redis, the same object for memory. */
interface Backend {
  name: string;
  open(): [CounterStore, CounterStore];
}

const backends: Backend[] = [
  {
    name: "memory",
    open() {
      const store = createMemoryStore();
      opened.push(store);
      return [store, store];
    },
  },
  {
    name: "redis",
    open() {
      if (!redis) throw new Error("redis-server did not start");
      const stores: [CounterStore, CounterStore] = [
        createRedisStore(redis.url),
        createRedisStore(redis.url),
      ];
      opened.push(...stores);
      return stores;
    },
  },
];

let keyCount = 0;
const freshKey = (name: string) => `test:${process.pid}:${++keyCount}:${name}`;
const sleepUntil = (time: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())));
const HOUR = 3_600_000;

describe.each(backends)("$name counter store", (backend) => {
  it("raises every counter in one take", { timeout: 10_000 }, async () => {
    const [store] = backend.open();
    const [a, b] = [freshKey("a"), freshKey("b")];
    const take = await store.take([
      { key: a, amount: 5, limit: 10, ttlMs: HOUR },
      { key: b, amount: 3, limit: 6, ttlMs: HOUR },
    ]);
    expect(take).toEqual({ ok: true, totals: [5, 3] });
    expect(await store.read([a, b])).toEqual([5, 3]);
  });

  it(
    "refuses all or nothing, names the counter, and changes nothing",
    { timeout: 10_000 },
    async () => {
      const [store] = backend.open();
      const [a, b, c] = [freshKey("a"), freshKey("b"), freshKey("c")];
      await store.take([
        { key: a, amount: 5, limit: 10, ttlMs: HOUR },
        { key: b, amount: 5, limit: 6, ttlMs: HOUR },
      ]);
      const refused = await store.take([
        { key: a, amount: 1, limit: 10, ttlMs: HOUR },
        { key: b, amount: 2, limit: 6, ttlMs: HOUR },
        { key: c, amount: 1, limit: 10, ttlMs: HOUR },
      ]);
      expect(refused).toEqual({ ok: false, refused: 1, totals: [5, 5, 0] });
      expect(await store.read([a, b, c])).toEqual([5, 5, 0]);
    },
  );

  it("allows a total equal to the limit, and not one more", { timeout: 10_000 }, async () => {
    const [store] = backend.open();
    const key = freshKey("edge");
    expect(await store.take([{ key, amount: 7, limit: 10, ttlMs: HOUR }])).toEqual({
      ok: true,
      totals: [7],
    });
    expect(await store.take([{ key, amount: 3, limit: 10, ttlMs: HOUR }])).toEqual({
      ok: true,
      totals: [10],
    });
    expect(await store.take([{ key, amount: 1, limit: 10, ttlMs: HOUR }])).toEqual({
      ok: false,
      refused: 0,
      totals: [10],
    });
    expect(await store.take([{ key, amount: 0, limit: 10, ttlMs: HOUR }])).toEqual({
      ok: true,
      totals: [10],
    });
  });

  it(
    "starts the window at the first take; later takes do not stretch it",
    { timeout: 10_000 },
    async () => {
      const [store] = backend.open();
      const key = freshKey("ttl");
      const take = { key, amount: 1, limit: 10, ttlMs: 400 };
      const start = Date.now();
      expect(await store.take([take])).toEqual({ ok: true, totals: [1] });
      await sleepUntil(start + 250);
      // Still inside the first window: the counter is kept.
      expect(await store.take([take])).toEqual({ ok: true, totals: [2] });
      // Past the first window (400 ms) but inside the one a stretched TTL would give (650 ms).
      await sleepUntil(start + 520);
      expect(await store.read([key])).toEqual([0]);
      // A new window starts from zero.
      expect(await store.take([take])).toEqual({ ok: true, totals: [1] });
    },
  );

  it(
    "gives back, never below 0, and leaves missing keys missing",
    { timeout: 10_000 },
    async () => {
      const [store] = backend.open();
      const [key, missing] = [freshKey("give"), freshKey("missing")];
      await store.take([{ key, amount: 5, limit: 10, ttlMs: HOUR }]);
      await store.give(key, 2);
      expect(await store.read([key])).toEqual([3]);
      await store.give(key, 10);
      expect(await store.read([key])).toEqual([0]);
      await store.give(missing, 4);
      expect(await store.read([missing])).toEqual([0]);
      expect(await store.take([{ key, amount: 10, limit: 10, ttlMs: HOUR }])).toEqual({
        ok: true,
        totals: [10],
      });
    },
  );

  it("reads missing keys as 0 and answers ping", { timeout: 10_000 }, async () => {
    const [store] = backend.open();
    expect(await store.read([freshKey("x"), freshKey("y")])).toEqual([0, 0]);
    expect(await store.read([])).toEqual([]);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it(
    "never overshoots under 50 concurrent takes from two handles",
    { timeout: 15_000 },
    async () => {
      const [first, second] = backend.open();
      const [key, shared] = [freshKey("race"), freshKey("race-shared")];
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 === 0 ? first : second).take([
            { key: shared, amount: 1, limit: 1000, ttlMs: HOUR },
            { key, amount: 1, limit: 20, ttlMs: HOUR },
          ]),
        ),
      );
      const granted = results.filter((result) => result.ok);
      expect(granted).toHaveLength(20);
      expect(results.filter((result) => !result.ok && result.refused === 1)).toHaveLength(30);
      expect(granted.map((result) => result.totals[1]).sort((x, y) => x! - y!)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      expect(await first.read([key, shared])).toEqual([20, 20]);
      expect(await second.read([key, shared])).toEqual([20, 20]);
    },
  );
});
