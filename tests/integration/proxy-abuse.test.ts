/**
 * The abuse matrix: every request the playground does not need is answered 4xx in fal's shape
 * by the proxy, and the backend's request log proves none of them reached it.
 */
import { parseServerEnv } from "@/lib/server-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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
    expect(response.headers.get("cache-control")).toBe("no-store");
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
