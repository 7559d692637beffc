/**
 * The abuse matrix: every request the playground does not need is answered 4xx in fal's shape
 * by the proxy, and the backend's request log proves none of them reached it.
 */
import { parseServerEnv } from "@/lib/server-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emulatorConfig } from "@/lib/emulator/config";
import { startStandaloneBackend, type StandaloneBackend } from "@/lib/emulator/standalone";
import { serveHandler, type RunningServer } from "@/lib/emulator/serve";
import { createProxyHandler } from "@/lib/proxy/handler";
import { FAST, startTestApp, type TestApp } from "../support/test-app";

const ID = "0b9d5c1e-4f7a-4c3b-9a2e-6d8f1e2a3b4c";
const Q = "https://queue.fal.run";
const APP = `${Q}/fal-ai/hidream-o1-image`;

const FORBIDDEN: [name: string, method: string, target: string | null, status: number][] = [
  ["no target header", "POST", null, 400],
  ["target that is not a URL", "POST", "queue.fal.run/fal-ai/hidream-o1-image/dev/edit", 400],
  ["another endpoint", "POST", `${Q}/fal-ai/flux/dev`, 403],
  ["a sibling endpoint of the same model", "POST", `${APP}/edit`, 403],
  ["the dev text-to-image sibling", "POST", `${APP}/dev`, 403],
  ["a path under the full model", "POST", `${APP}/dev/edit/x`, 403],
  ["the full model's id with a trailing slash", "POST", `${APP}/`, 403],
  ["the synchronous host", "POST", "https://fal.run/fal-ai/hidream-o1-image/dev/edit", 403],
  ["another app's request", "GET", `${Q}/fal-ai/flux/requests/${ID}/status`, 403],
  ["another host", "POST", "https://evil.example.com/fal-ai/hidream-o1-image/dev/edit", 403],
  [
    "a host that only starts like fal's",
    "POST",
    "https://queue.fal.run.evil.example.com/fal-ai/hidream-o1-image/dev/edit",
    403,
  ],
  [
    "user info pointing elsewhere",
    "POST",
    "https://queue.fal.run@evil.example.com/fal-ai/hidream-o1-image/dev/edit",
    403,
  ],
  [
    "credentials in the URL",
    "POST",
    "https://user:pw@queue.fal.run/fal-ai/hidream-o1-image/dev/edit",
    403,
  ],
  ["plain http", "POST", "http://queue.fal.run/fal-ai/hidream-o1-image/dev/edit", 403],
  ["another port", "POST", "https://queue.fal.run:8443/fal-ai/hidream-o1-image/dev/edit", 403],
  ["path traversal to another endpoint", "POST", `${APP}/dev/edit/../../../fal-ai/flux/dev`, 403],
  ["encoded slash", "POST", `${Q}/fal-ai%2Fhidream-o1-image/dev/edit`, 403],
  ["submit with GET", "GET", `${APP}/dev/edit`, 405],
  ["submit with PUT", "PUT", `${APP}/dev/edit`, 405],
  ["DELETE a request", "DELETE", `${APP}/requests/${ID}`, 405],
  ["POST to status", "POST", `${APP}/requests/${ID}/status`, 405],
  ["cancel with GET", "GET", `${APP}/requests/${ID}/cancel`, 405],
  ["a request id that is not a uuid", "GET", `${APP}/requests/../../x/status`, 403],
  ["a made-up request id", "GET", `${APP}/requests/abc/status`, 403],
  ["a path below status", "GET", `${APP}/requests/${ID}/status/extra`, 403],
  ["minting a token", "POST", "https://rest.fal.ai/tokens/", 403],
  [
    "storage completion the client never sends",
    "POST",
    "https://rest.fal.ai/storage/upload/complete-multipart?storage_type=fal-cdn-v3",
    403,
  ],
  [
    "another storage type",
    "POST",
    "https://rest.fal.ai/storage/upload/initiate?storage_type=gcs",
    400,
  ],
  ["storage without a type", "POST", "https://rest.fal.ai/storage/upload/initiate", 400],
  [
    "storage with GET",
    "GET",
    "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
    405,
  ],
  ["the REST API at large", "GET", "https://rest.fal.ai/billing/user_balance", 403],
];

describe("proxy abuse matrix", () => {
  let backend: StandaloneBackend;
  let app: TestApp;

  beforeAll(async () => {
    backend = await startStandaloneBackend({ config: FAST });
    app = await startTestApp(
      parseServerEnv({
        FAL_KEY: "abuse-test-key",
        FAL_UPSTREAM_URL: backend.url,
        ALLOW_PUBLIC_ACCESS: "true",
        RUNS_PER_MINUTE: "unlimited",
        DAILY_BUDGET_USD: "unlimited",
      }),
    );
  });
  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });
  beforeEach(() => {
    backend.backend.seen.length = 0;
  });

  it.each(FORBIDDEN)("refuses %s", async (_name, method, target, status) => {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      authorization: "Key attacker",
    };
    if (target) headers["x-fal-target-url"] = target;
    const response = await fetch(app.proxyUrl, {
      method,
      headers,
      body:
        method === "GET"
          ? undefined
          : JSON.stringify({ prompt: "x", reference_image_urls: ["https://x/y.png"] }),
    });
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { detail?: unknown; error_type?: string };
    expect(typeof body.detail).toBe("string");
    expect(body.error_type).toBe("proxy_refused");
    expect(backend.backend.seen).toEqual([]);
  });

  it("refuses a JSON body over 1 MB and says to upload files instead", async () => {
    const huge = JSON.stringify({
      prompt: "x",
      reference_image_urls: [`data:image/png;base64,${"A".repeat(1_100_000)}`],
    });
    const response = await fetch(app.proxyUrl, {
      method: "POST",
      headers: { "x-fal-target-url": `${APP}/dev/edit`, "content-type": "application/json" },
      body: huge,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { detail: string }).detail).toMatch(
      /Upload images to fal storage/,
    );
    expect(backend.backend.seen).toEqual([]);
  });

  it("refuses a body that is not JSON", async () => {
    const response = await fetch(app.proxyUrl, {
      method: "POST",
      headers: { "x-fal-target-url": `${APP}/dev/edit` },
      body: "prompt=x",
    });
    expect(response.status).toBe(400);
    expect(backend.backend.seen).toEqual([]);
  });

  it("strips ?fal_webhook= and x-fal headers the client has no business sending", async () => {
    const response = await fetch(app.proxyUrl, {
      method: "POST",
      headers: {
        "x-fal-target-url": `${APP}/dev/edit?fal_webhook=https://evil.example.com/hook`,
        "x-fal-queue-priority": "low",
        "x-fal-runner-hint": "gpu-a",
        "x-fal-client-proxy": "spoofed",
        "x-fal-evil": "1",
        authorization: "Key attacker",
        "content-type": "application/json",
      },
      body: JSON.stringify({ prompt: "x [demo:hang]", reference_image_urls: ["https://x/y.png"] }),
    });
    expect(response.status).toBe(200);
    const [seen] = backend.backend.seen;
    expect(seen?.search).toBe("");
    expect(seen?.authorization).toBe("Key abuse-test-key");
    expect(seen?.falHeaders).toEqual({
      "x-fal-queue-priority": "low",
      "x-fal-runner-hint": "gpu-a",
    });
  });
});

describe("what a call may carry: only what the playground sends, validated and priced", () => {
  let backend: StandaloneBackend;
  let app: TestApp;
  const INITIATE = "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3";
  const SUBMIT = `${APP}/dev/edit`;
  const GOOD = { prompt: "x [demo:hang]", reference_image_urls: ["https://x/y.png"] };

  const post = (target: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(app.proxyUrl, {
      method: "POST",
      headers: { "x-fal-target-url": target, "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    // Generous on unfinished uploads, so every refusal below is the proxy's own.
    const storage = { ...emulatorConfig().storage, maxPending: 1000, maxPendingPerClient: 1000 };
    backend = await startStandaloneBackend({ config: { ...FAST, storage } });
    app = await startTestApp(
      parseServerEnv({
        FAL_KEY: "abuse-test-key",
        FAL_UPSTREAM_URL: backend.url,
        ALLOW_PUBLIC_ACCESS: "true",
        RUNS_PER_MINUTE: "unlimited",
        DAILY_BUDGET_USD: "0.5",
      }),
    );
  });
  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });
  beforeEach(() => {
    backend.backend.seen.length = 0;
  });

  it.each([
    ["100 images", { num_images: 100 }, "num_images"],
    ["0 images", { num_images: 0 }, "num_images"],
    ["a fraction of an image", { num_images: 1.5 }, "num_images"],
    ["images as text", { num_images: "4" }, "num_images"],
    ["a 100000×100000 size", { image_size: { width: 100000, height: 100000 } }, "image_size"],
    ["a negative size", { image_size: { width: -1, height: 512 } }, "image_size"],
    ["an unknown named size", { image_size: "billboard" }, "image_size"],
    ["99 steps", { num_inference_steps: 99 }, "num_inference_steps"],
    ["guidance 1e9", { guidance_scale: 1e9 }, "guidance_scale"],
    ["a seed past 2^32", { seed: 2 ** 40 }, "seed"],
    [
      "eleven references",
      { reference_image_urls: Array(11).fill("https://x/y.png") },
      "reference_image_urls",
    ],
    ["no references", { reference_image_urls: [] }, "reference_image_urls"],
    ["no prompt", { prompt: "   " }, "prompt"],
    ["an unknown format", { output_format: "gif" }, "output_format"],
  ])("refuses a submit with %s in fal's 422 shape, before fal", async (_name, change, field) => {
    const response = await post(SUBMIT, { ...GOOD, ...change });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { detail: { loc: (string | number)[] }[] };
    expect(body.detail.some((d) => d.loc[1] === field)).toBe(true);
    expect(backend.backend.seen).toEqual([]);
  });

  it("sends on only the validated input, never fields fal was not told about", async () => {
    const response = await post(SUBMIT, {
      ...GOOD,
      num_images: 2,
      webhook_url: "https://evil.example/hook",
      __proto__: { polluted: true },
      extra: "x".repeat(1000),
    });
    expect(response.status).toBe(200);
    const sent = JSON.parse(backend.backend.seen[0]!.body!) as Record<string, unknown>;
    expect(Object.keys(sent).sort()).toEqual(
      [
        "enable_safety_checker",
        "guidance_scale",
        "image_size",
        "keep_original_aspect",
        "num_images",
        "num_inference_steps",
        "output_format",
        "prompt",
        "reference_image_urls",
        "sync_mode",
      ].sort(),
    );
    expect(sent.num_images).toBe(2);
  });

  it("runs the full model from text alone, priced at its own rate", async () => {
    const before = (await app.limiter.usage("x")).dailyBudget!.spentUsd;
    const response = await post(APP, { prompt: "a lighthouse at dusk [demo:hang]" });
    expect(response.status).toBe(200);
    const after = (await app.limiter.usage("x")).dailyBudget!.spentUsd;
    // One 2048² image at Full's $0.01/MP.
    expect(after - before).toBeCloseTo(4.194304 * 0.01, 5);
    const sent = JSON.parse(backend.backend.seen[0]!.body!) as Record<string, unknown>;
    expect(backend.backend.seen[0]!.path).toBe("/fal-ai/hidream-o1-image");
    expect(sent).toMatchObject({ num_inference_steps: 50, guidance_scale: 5 });
  });

  it("holds each endpoint to its own ranges", async () => {
    const devWithoutReference = await post(SUBMIT, { prompt: "x", reference_image_urls: [] });
    expect(devWithoutReference.status).toBe(422);
    const devAt50Steps = await post(SUBMIT, { ...GOOD, num_inference_steps: 50 });
    expect(devAt50Steps.status).toBe(422);
    const fullAt51Steps = await post(APP, { ...GOOD, num_inference_steps: 51 });
    expect(fullAt51Steps.status).toBe(422);
    expect(backend.backend.seen).toEqual([]);
  });

  it("reserves the cost of exactly what is sent", async () => {
    const before = (await app.limiter.usage("x")).dailyBudget!.spentUsd;
    await post(SUBMIT, { ...GOOD, num_images: 3, image_size: "landscape_16_9" });
    const after = (await app.limiter.usage("x")).dailyBudget!.spentUsd;
    // 3 × 2560×1440 at $0.005/MP.
    expect(after - before).toBeCloseTo(3 * 3.6864 * 0.005, 5);
  });

  it.each([
    ["a zip", { content_type: "application/zip", file_name: "a.zip" }, 415],
    ["HTML", { content_type: "text/html", file_name: "x.html" }, 415],
    ["SVG (scripts)", { content_type: "image/svg+xml", file_name: "x.svg" }, 415],
    ["no type", { file_name: "a.png" }, 415],
    ["a type with parameters", { content_type: "image/png; x=1" }, 415],
    ["a 300-character name", { content_type: "image/png", file_name: "a".repeat(300) }, 415],
    ["not JSON", "content_type=image/png", 400],
  ])("refuses an upload of %s", async (_name, body, status) => {
    const response = await post(INITIATE, body);
    expect(response.status).toBe(status);
    expect(backend.backend.seen).toEqual([]);
  });

  it("refuses multipart uploads, which the playground never needs", async () => {
    const response = await post(
      "https://rest.fal.ai/storage/upload/initiate-multipart?storage_type=fal-cdn-v3",
      { content_type: "image/png", file_name: "a.png" },
    );
    expect(response.status).toBe(403);
    expect(backend.backend.seen).toEqual([]);
  });

  it.each([
    ["a century", 100 * 365 * 86_400, 2_592_000],
    ["a minute", 60, 86_400],
    ["a week", 604_800, 604_800],
  ])("bounds an upload lifecycle asking for %s", async (_name, seconds, kept) => {
    const response = await post(
      INITIATE,
      { content_type: "image/jpeg", file_name: "a.jpg" },
      {
        "x-fal-object-lifecycle": JSON.stringify({
          expiration_duration_seconds: seconds,
          initial_acl: "public-read-write",
        }),
      },
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(backend.backend.seen[0]!.falHeaders["x-fal-object-lifecycle"]!)).toEqual({
      expiration_duration_seconds: kept,
    });
  });

  it("limits uploads per client per minute", async () => {
    const limited = await startTestApp(
      parseServerEnv({
        FAL_KEY: "k",
        FAL_UPSTREAM_URL: backend.url,
        ALLOW_PUBLIC_ACCESS: "true",
        DAILY_BUDGET_USD: "unlimited",
      }),
    );
    try {
      // Counters run per clock minute: start well inside one, so all 62 land in the same window.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 55_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
      const statuses: number[] = [];
      for (let i = 0; i < 62; i++) {
        const response = await fetch(limited.proxyUrl, {
          method: "POST",
          headers: { "x-fal-target-url": INITIATE, "content-type": "application/json" },
          body: JSON.stringify({ content_type: "image/png", file_name: `r${i}.png` }),
        });
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(60)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });

  it("refuses uploads once the day's budget has no room for a run", async () => {
    const spent = await startTestApp(
      parseServerEnv({
        FAL_KEY: "k",
        FAL_UPSTREAM_URL: backend.url,
        ALLOW_PUBLIC_ACCESS: "true",
        RUNS_PER_MINUTE: "unlimited",
        DAILY_BUDGET_USD: "0.03",
      }),
    );
    try {
      const upload = () =>
        fetch(spent.proxyUrl, {
          method: "POST",
          headers: { "x-fal-target-url": INITIATE, "content-type": "application/json" },
          body: JSON.stringify({ content_type: "image/png", file_name: "r.png" }),
        });
      expect((await upload()).status).toBe(200);
      // One 2048² run ($0.021) leaves $0.009: less than the cheapest run ($0.018).
      const run = await fetch(spent.proxyUrl, {
        method: "POST",
        headers: { "x-fal-target-url": SUBMIT, "content-type": "application/json" },
        body: JSON.stringify(GOOD),
      });
      expect(run.status).toBe(200);
      backend.backend.seen.length = 0;
      const refused = await upload();
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({
        error_type: "proxy_budget_exhausted",
        detail: expect.stringMatching(/uploads are paused too/),
      });
      expect(backend.backend.seen).toEqual([]);
    } finally {
      await spent.close();
    }
  });
});

describe("proxy answers are rebuilt, not passed through", () => {
  let hostile: RunningServer;
  let proxy: RunningServer;
  let upstreamSawAbort = false;

  beforeAll(async () => {
    // An upstream that sends what must not reach a browser, and a stream that never ends.
    hostile = await serveHandler((request) => {
      if (request.url.endsWith("/status/stream?logs=1")) {
        request.signal.addEventListener("abort", () => (upstreamSawAbort = true));
        const stream = new ReadableStream({
          start(controller) {
            controller.enqueue(
              new TextEncoder().encode('data: {"status":"IN_PROGRESS","logs":[]}\n\n'),
            );
          },
        });
        return new Response(stream, { headers: { "content-type": "text/event-stream" } });
      }
      return new Response(JSON.stringify({ status: "COMPLETED" }), {
        status: 200,
        headers: {
          "content-type": "application/json",
          "set-cookie": "session=stolen; Path=/",
          "x-fal-request-id": ID,
          "access-control-allow-origin": "*",
          "x-powered-by": "upstream",
          "cache-control": "public, max-age=3600",
        },
      });
    });
    proxy = await serveHandler(
      createProxyHandler({
        env: parseServerEnv({
          FAL_KEY: "k",
          FAL_UPSTREAM_URL: hostile.url,
          ALLOW_PUBLIC_ACCESS: "true",
          RUNS_PER_MINUTE: "unlimited",
          DAILY_BUDGET_USD: "unlimited",
        }),
      }),
    );
  });
  afterAll(async () => {
    await proxy?.close();
    await hostile?.close();
  });

  it("keeps status, body, content type and x-fal-request-id only", async () => {
    const response = await fetch(proxy.url, {
      headers: { "x-fal-target-url": `${APP}/requests/${ID}/status?logs=0` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "COMPLETED" });
    expect(response.headers.get("x-fal-request-id")).toBe(ID);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("x-powered-by")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
  });

  it("streams SSE and aborts the upstream call when the client leaves", async () => {
    const controller = new AbortController();
    const response = await fetch(proxy.url, {
      headers: { "x-fal-target-url": `${APP}/requests/${ID}/status/stream?logs=1` },
      signal: controller.signal,
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('"IN_PROGRESS"');
    controller.abort();
    await expect.poll(() => upstreamSawAbort, { timeout: 3000 }).toBe(true);
  });
});
