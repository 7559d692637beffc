/**
 * Redis down: every share call answers a clear 503 in the API's shape (never a 500), the page
 * says the service is unavailable, and nothing is half-written once Redis is back.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startRedisServer, type RedisServer } from "../support/redis-server";

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
  process.env.REDIS_URL = redis.url;
  process.env.FAL_KEY = "";
  process.env.ACCESS_PASSWORD = "";
});
afterAll(() => redis.stop());

it("answers 503 while Redis is away and works again when it is back", async () => {
  const { createShare, shareSummaries } = await import("@/lib/shares/owner");
  const { viewableShare } = await import("@/lib/shares/viewer");
  const { shareErrorResponse } = await import("@/lib/shares/errors");
  const { appShareStore } = await import("@/lib/shares/store/app-store");
  const rules = { origin: "http://127.0.0.1", demo: false };
  const body = { title: "Down", images: [{ url: "https://v3.fal.media/files/a.png" }] };
  const made = await createShare(body, { client: "a", rules });
  expect(appShareStore().kind).toBe("redis");

  await redis.stop();
  // One call at a time: a call started early and awaited late rejects unobserved meanwhile.
  for (const call of [
    () => createShare(body, { client: "a", rules }),
    () => viewableShare(made.id, undefined),
    () => shareSummaries({ shares: [{ id: made.id, secret: made.secret }] }),
  ]) {
    const response = shareErrorResponse(
      await call().then(
        () => null,
        (error: unknown) => error,
      ),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    const answer = (await response.json()) as { detail: string; error_type: string };
    expect(answer.error_type).toBe("share_store_unavailable");
    expect(answer.detail).toMatch(/try again/);
    expect(answer.detail).not.toMatch(/127\.0\.0\.1|redis:/);
  }

  await redis.restart();
  // An empty server (nothing saved): the old share is gone, a new one is whole.
  const again = await createShare(body, { client: "a", rules });
  const [summary] = await shareSummaries({ shares: [{ id: again.id, secret: again.secret }] });
  expect(summary).toMatchObject({ state: "open", imageCount: 1 });
});
