/**
 * Two instances of the app (as Vercel runs many) with REDIS_URL set share one daily budget and
 * one per-client minute, through the real proxy; when Redis goes away, runs fail closed with a
 * message that says why, and nothing reaches "fal". A real redis-server is started for this.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandaloneBackend, type StandaloneBackend } from "@/lib/emulator/standalone";
import { createRedisStore } from "@/lib/limits/redis-store";
import { parseServerEnv } from "@/lib/server-env";
import { startRedisServer, type RedisServer } from "../support/redis-server";
import { clearOfMinuteEnd } from "../support/minute-window";
import { FAST, startTestApp, type TestApp } from "../support/test-app";

const APP = "https://queue.fal.run/fal-ai/hidream-o1-image";
const INPUT = { prompt: "x [demo:hang]", reference_image_urls: ["https://x/y.png"] };

const submit = (app: TestApp, ip: string) =>
  fetch(app.proxyUrl, {
    method: "POST",
    headers: {
      "x-fal-target-url": `${APP}/dev/edit`,
      "content-type": "application/json",
      "x-vercel-forwarded-for": ip,
    },
    body: JSON.stringify(INPUT),
  });

describe("limits shared through Redis by two app instances", () => {
  let redis: RedisServer;
  let backend: StandaloneBackend;
  let one: TestApp;
  let two: TestApp;

  beforeAll(async () => {
    redis = await startRedisServer();
    backend = await startStandaloneBackend({ config: FAST });
    const env = parseServerEnv({
      FAL_KEY: "shared-key",
      FAL_UPSTREAM_URL: backend.url,
      ALLOW_PUBLIC_ACCESS: "true",
      VERCEL: "1",
      REDIS_URL: redis.url,
      DAILY_BUDGET_USD: "0.07", // three 2048² runs ($0.021 each), not four
      RUNS_PER_MINUTE: "2",
    });
    // Each instance has its own Redis connection, as separate serverless instances would.
    one = await startTestApp(env, FAST, createRedisStore(redis.url));
    two = await startTestApp(env, FAST, createRedisStore(redis.url));
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await backend?.close();
    await redis?.stop();
  });

  it("counts one client's runs per minute across instances", async () => {
    await clearOfMinuteEnd();
    expect((await submit(one, "203.0.113.1")).status).toBe(200);
    expect((await submit(two, "203.0.113.1")).status).toBe(200);
    const third = await submit(one, "203.0.113.1");
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ error_type: "proxy_rate_limited" });
  });

  it("spends one daily budget across instances", async () => {
    // $0.042 is spent by the two runs above.
    expect((await submit(two, "203.0.113.2")).status).toBe(200);
    const refused = await submit(one, "203.0.113.3");
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { detail: string; error_type: string };
    expect(body.error_type).toBe("proxy_budget_exhausted");
    expect(body.detail).toContain("$0.063 of $0.070 spent");
    expect(backend.backend.seen.filter((seen) => seen.method === "POST")).toHaveLength(3);
  });

  it("fails closed with a clear message while Redis is down, and recovers", async () => {
    backend.backend.seen.length = 0;
    await redis.stop();
    const started = Date.now();
    const refused = await submit(one, "203.0.113.9");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(refused.status).toBe(503);
    const body = (await refused.json()) as { detail: string; error_type: string };
    expect(body.error_type).toBe("proxy_limits_unavailable");
    expect(body.detail).toMatch(
      /^Runs are paused because the limit counters \(Redis\) cannot be reached/,
    );
    expect(body.detail).toContain("REDIS_URL");
    // Where Redis lives is for the owner's log, not for visitors.
    expect(body.detail).not.toContain("127.0.0.1");
    expect(backend.backend.seen).toEqual([]);

    // A restarted, empty Redis has forgotten today's spend: runs are admitted again.
    await redis.restart();
    await expect
      .poll(async () => (await submit(two, "203.0.113.9")).status, { timeout: 10_000 })
      .toBe(200);
  });
});
