/**
 * The gate and the limits, over HTTP through the real proxy handler: the abuse matrix's allowed
 * calls made without a valid session, a live deployment left open by mistake, and the run limits.
 * The backend's request log proves that nothing refused ever reached "fal".
 */
import { createFalClient } from "@fal-ai/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sealSession, SESSION_COOKIE, SESSION_TTL_SECONDS } from "@/lib/access/session";
import { ENDPOINT_ID } from "@/lib/endpoint";
import { startStandaloneBackend, type StandaloneBackend } from "@/lib/emulator/standalone";
import { parseServerEnv, type ServerEnv } from "@/lib/server-env";
import { makePng } from "../support/images";
import { FAST, startTestApp, type TestApp } from "../support/test-app";
import { clearOfMinuteEnd } from "../support/minute-window";

const ID = "0b9d5c1e-4f7a-4c3b-9a2e-6d8f1e2a3b4c";
const APP = "https://queue.fal.run/fal-ai/hidream-o1-image";
const INPUT = { prompt: "x [demo:hang]", reference_image_urls: ["https://x/y.png"] };

/** Every call the playground makes: each must need a session when a password is set. */
const ALLOWED: [name: string, method: string, target: string][] = [
  ["submit", "POST", `${APP}/dev/edit`],
  ["status", "GET", `${APP}/requests/${ID}/status?logs=1`],
  ["status stream", "GET", `${APP}/requests/${ID}/status/stream?logs=1`],
  ["result", "GET", `${APP}/requests/${ID}`],
  ["cancel", "PUT", `${APP}/requests/${ID}/cancel`],
  ["storage upload", "POST", "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3"],
];

function call(app: TestApp, method: string, target: string, headers: Record<string, string> = {}) {
  return fetch(app.proxyUrl, {
    method,
    headers: { "x-fal-target-url": target, "content-type": "application/json", ...headers },
    body:
      method === "GET"
        ? undefined
        : JSON.stringify(
            target.includes("storage") ? { content_type: "image/png", file_name: "a.png" } : INPUT,
          ),
  });
}

const submit = (app: TestApp, headers: Record<string, string> = {}, input: object = INPUT) =>
  fetch(app.proxyUrl, {
    method: "POST",
    headers: {
      "x-fal-target-url": `${APP}/dev/edit`,
      "content-type": "application/json",
      ...headers,
    },
    body: JSON.stringify(input),
  });

let backend: StandaloneBackend;
beforeAll(async () => {
  backend = await startStandaloneBackend({ config: FAST });
});
afterAll(() => backend?.close());
beforeEach(() => {
  backend.backend.seen.length = 0;
});

const liveEnv = (extra: Record<string, string>): ServerEnv =>
  parseServerEnv({ FAL_KEY: "gate-test-key", FAL_UPSTREAM_URL: backend.url, ...extra });

describe("with ACCESS_PASSWORD set", () => {
  let app: TestApp;
  let env: ServerEnv;
  beforeAll(async () => {
    env = liveEnv({ ACCESS_PASSWORD: "open sesame please", RUNS_PER_MINUTE: "unlimited" });
    app = await startTestApp(env);
  });
  afterAll(() => app?.close());

  const cookies: [name: string, cookie: () => Promise<string | undefined>][] = [
    ["no cookie", async () => undefined],
    ["a tampered cookie", async () => (await sealSession(env)).replace(/\*(.)/, "*A$1")],
    [
      "an expired cookie",
      async () => sealSession(env, Date.now() - (SESSION_TTL_SECONDS + 60) * 1000),
    ],
    [
      "a cookie from another deployment",
      async () => sealSession(parseServerEnv({ ACCESS_PASSWORD: "open sesame please" })),
    ],
    ["a cookie of the wrong name", async () => `x; other_session=${await sealSession(env)}`],
  ];

  for (const [cookieName, cookie] of cookies) {
    it.each(ALLOWED)(`refuses %s with ${cookieName}`, async (_name, method, target) => {
      const value = await cookie();
      const response = await call(
        app,
        method,
        target,
        value === undefined
          ? {}
          : { cookie: value.startsWith("x;") ? value : `${SESSION_COOKIE}=${value}` },
      );
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        error_type: "proxy_unauthenticated",
        detail: expect.stringContaining("Sign in"),
      });
      expect(backend.backend.seen).toEqual([]);
    });
  }

  it("runs the real client end to end with a session", async () => {
    const cookie = `${SESSION_COOKIE}=${await sealSession(env)}`;
    const fal = createFalClient({
      proxyUrl: { url: app.proxyUrl, when: "always" },
      // What a browser does by itself for a same-origin call: send the session cookie.
      fetch: (url, init) =>
        fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
    });
    const reference = await fal.storage.upload(
      new Blob([new Uint8Array(await makePng(64, 48))], { type: "image/png" }),
    );
    const result = await fal.subscribe(ENDPOINT_ID, {
      input: { prompt: "a cat", reference_image_urls: [reference] },
    });
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // Everything but the file bytes (PUT straight to the storage URL) went through the proxy.
    const proxied = backend.backend.seen.filter((seen) => !seen.path.includes("/storage/uploads/"));
    expect(proxied.length).toBeGreaterThanOrEqual(3);
    expect(proxied.every((seen) => seen.authorization === "Key gate-test-key")).toBe(true);
  });
});

describe("live mode without a password", () => {
  it.each(ALLOWED)("refuses %s and says how to fix it", async (_name, method, target) => {
    const app = await startTestApp(liveEnv({}));
    try {
      const response = await call(app, method, target);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { detail: string; error_type: string };
      expect(body.error_type).toBe("proxy_not_configured");
      expect(body.detail).toContain("ACCESS_PASSWORD");
      expect(body.detail).toContain("ALLOW_PUBLIC_ACCESS=true");
      expect(backend.backend.seen).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("serves anyone once ALLOW_PUBLIC_ACCESS is set", async () => {
    const app = await startTestApp(liveEnv({ ALLOW_PUBLIC_ACCESS: "true" }));
    try {
      expect((await submit(app)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("needs no setup in demo mode", async () => {
    const app = await startTestApp(parseServerEnv({}));
    try {
      expect((await submit(app)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe("run limits in the proxy", () => {
  it("refuses the third run in a minute from one client, with when it resets", async () => {
    await clearOfMinuteEnd();
    const app = await startTestApp(
      liveEnv({ ALLOW_PUBLIC_ACCESS: "true", RUNS_PER_MINUTE: "2", VERCEL: "1" }),
    );
    try {
      const alice = { "x-vercel-forwarded-for": "203.0.113.7" };
      expect((await submit(app, alice)).status).toBe(200);
      expect((await submit(app, alice)).status).toBe(200);
      // A made-up X-Forwarded-For does not make a new client.
      const refused = await submit(app, { ...alice, "x-forwarded-for": "6.6.6.6" });
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const body = (await refused.json()) as {
        detail: string;
        error_type: string;
        resets_at: string;
      };
      expect(body.error_type).toBe("proxy_rate_limited");
      expect(body.detail).toMatch(/2 runs per minute.*Try again in \d+ seconds?\./);
      expect(new Date(body.resets_at).getTime() - Date.now()).toBeLessThanOrEqual(60_000);
      expect((await submit(app, { "x-vercel-forwarded-for": "198.51.100.2" })).status).toBe(200);
      expect(backend.backend.seen.filter((seen) => seen.method === "POST")).toHaveLength(3);
      // Status calls are not runs: they are never limited.
      const status = await call(app, "GET", `${APP}/requests/${ID}/status`, alice);
      expect(status.status).not.toBe(429);
    } finally {
      await app.close();
    }
  });

  it("stops spending at the daily cap, counting each run's size and image count", async () => {
    const app = await startTestApp(
      liveEnv({ ALLOW_PUBLIC_ACCESS: "true", DAILY_BUDGET_USD: "0.11" }),
    );
    try {
      const four = { ...INPUT, num_images: 4 }; // 4 × 2048² ≈ $0.084
      expect((await submit(app, {}, four)).status).toBe(200);
      const refused = await submit(app, {}, four);
      expect(refused.status).toBe(429);
      const body = (await refused.json()) as {
        detail: string;
        error_type: string;
        resets_at: string;
      };
      expect(body.error_type).toBe("proxy_budget_exhausted");
      expect(body.detail).toContain("$0.084 of $0.11 spent");
      expect(body.detail).toContain("resets at 00:00 UTC");
      expect(body.resets_at).toMatch(/T00:00:00\.000Z$/);
      // A smaller run still fits: 1 × landscape 16:9 ≈ $0.018.
      expect((await submit(app, {}, { ...INPUT, image_size: "landscape_16_9" })).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("gives the reservation back when the run never reached fal", async () => {
    const app = await startTestApp(
      parseServerEnv({
        FAL_KEY: "k",
        FAL_UPSTREAM_URL: "http://127.0.0.1:9", // nothing listens on the discard port
        ALLOW_PUBLIC_ACCESS: "true",
        DAILY_BUDGET_USD: "0.03",
        RUNS_PER_MINUTE: "3",
      }),
    );
    try {
      for (let i = 0; i < 5; i++) expect((await submit(app)).status).toBe(502);
    } finally {
      await app.close();
    }
  });
});
