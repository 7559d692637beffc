/**
 * Many runs at once: 50 runs submitted together by the real @fal-ai/client through our proxy in
 * demo mode, each followed by its status stream as the app does. Every run must complete exactly
 * once: the ids submitted, completed and fetched are the same 50, and the backend's own request
 * log shows one submit per run and one result fetch per id, nothing lost or sent twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINT_APP, ENDPOINT_ID, type EditOutput } from "@/lib/endpoint";
import { createFalBackend, type FalBackend } from "@/lib/emulator/backend";
import { EMBEDDED_BASE_PATH } from "@/lib/emulator/embedded";
import { serveHandler, type RunningServer } from "@/lib/emulator/serve";
import { playgroundCalls, createPlaygroundFalClient } from "@/lib/fal/client";
import { createProxyHandler, PROXY_ROUTE } from "@/lib/proxy/handler";
import { parseServerEnv } from "@/lib/server-env";
import { makePng } from "../support/images";
import { FAST } from "../support/test-app";

const RUNS = 50;

describe("50 runs at once through the proxy (demo mode)", () => {
  let server: RunningServer;
  let backend: FalBackend;

  beforeAll(async () => {
    const tiny = await makePng(8, 8);
    // The queue, the streams and the proxy are under test, not the pixels: a 2048² render costs
    // about a second of CPU, and 50 of them would make this test a benchmark.
    backend = createFalBackend({
      basePath: EMBEDDED_BASE_PATH,
      config: FAST,
      render: async ({ size }) => ({ bytes: tiny, contentType: "image/png", ...size }),
    });
    const proxy = createProxyHandler({ env: parseServerEnv({}), demoBackend: () => backend });
    server = await serveHandler((request) => {
      const { pathname, origin } = new URL(request.url);
      if (pathname === PROXY_ROUTE) return proxy(request);
      return backend.handle(request, {
        publicBase: `${origin}${EMBEDDED_BASE_PATH}`,
        scope: "public",
      });
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("completes every run once, with nothing lost or duplicated", async () => {
    const fal = createPlaygroundFalClient(undefined, `${server.url}${PROXY_ROUTE}`);
    const calls = playgroundCalls(fal);
    const reference = await calls.uploadFile(
      new Blob([new Uint8Array(await makePng(64, 64))], { type: "image/png" }),
    );
    backend.seen.length = 0;

    // Submitted at once; each then followed and fetched as the app does (stream, then result).
    const submitted = await Promise.all(
      Array.from({ length: RUNS }, (_, i) =>
        calls.submitEdit({
          prompt: `concurrent run ${i}`,
          reference_image_urls: [reference],
          image_size: { width: 64, height: 64 },
          num_inference_steps: 2,
          seed: i,
        }),
      ),
    );
    const completed = await Promise.all(
      submitted.map(async (id) => (await calls.followRun(id, () => {})).request_id),
    );
    const fetched = await Promise.all(
      submitted.map(async (id) => ({ id, output: await calls.fetchResult(id) })),
    );

    expect(new Set(submitted).size).toBe(RUNS);
    expect(completed).toEqual(submitted);
    // Each result is its own run's: the seed it was submitted with comes back.
    expect(fetched.map(({ output }) => (output as EditOutput).seed)).toEqual(
      submitted.map((_, i) => i),
    );
    for (const id of submitted) {
      expect(backend.job(id)?.state).toBe("COMPLETED");
      expect(backend.job(id)?.result?.status).toBe(200);
    }

    const seen = backend.seen;
    const submits = seen.filter((r) => r.method === "POST" && r.path === `/${ENDPOINT_ID}`);
    expect(submits).toHaveLength(RUNS);
    const requestsOf = (suffix: string) =>
      seen
        .filter((r) => r.method === "GET" && r.path.endsWith(suffix))
        .map((r) => r.path.split("/")[4])
        .sort();
    const sorted = [...submitted].sort();
    expect(requestsOf("/status/stream")).toEqual(sorted);
    const results = seen
      .filter((r) => r.method === "GET" && /^\/[^/]+\/[^/]+\/requests\/[0-9a-f-]{36}$/.test(r.path))
      .map((r) => r.path.slice(`/${ENDPOINT_APP}/requests/`.length))
      .sort();
    expect(results).toEqual(sorted);
  }, 30_000);
});
