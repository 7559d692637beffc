/**
 * The open demo keeps serving everyone: what it holds in memory is bounded and refused in words
 * when full, one visitor cannot hold every worker, a run cannot hang forever, and the URLs in an
 * answer come from that call alone.
 */
import { describe, expect, it } from "vitest";
import { createFalBackend, type CallContext, type FalBackend } from "@/lib/emulator/backend";
import type { EmulatorConfig } from "@/lib/emulator/config";
import { ENDPOINT_APP, ENDPOINT_ID } from "@/lib/endpoint";
import { makePng } from "../../../tests/support/images";

const BASE = "http://demo.local/api/demo-fal";
const MB = 1024 * 1024;
const FAST: Partial<EmulatorConfig> = { queueMs: 5, stepMs: 2 };

function backendWith(config: Partial<EmulatorConfig> = {}) {
  return createFalBackend({ basePath: "/api/demo-fal", config: { ...FAST, ...config } });
}

const ctx = (client = "a", publicBase = BASE): CallContext => ({ publicBase, client });

async function call(
  backend: FalBackend,
  method: string,
  path: string,
  body?: BodyInit,
  context: CallContext = ctx(),
  contentType = "application/json",
): Promise<Response> {
  return backend.handle(
    new Request(`http://ignored.example/api/demo-fal${path}`, {
      method,
      body,
      headers: body ? { "content-type": contentType } : {},
    }),
    context,
  );
}

async function upload(backend: FalBackend, context = ctx()): Promise<string> {
  const initiated = await call(
    backend,
    "POST",
    "/storage/upload/initiate?storage_type=fal-cdn-v3",
    JSON.stringify({ content_type: "image/png", file_name: "r.png" }),
    context,
  );
  const { upload_url, file_url } = (await initiated.json()) as {
    upload_url: string;
    file_url: string;
  };
  const put = await call(
    backend,
    "PUT",
    new URL(upload_url).pathname.replace("/api/demo-fal", ""),
    new Uint8Array(await makePng(64, 48)),
    { ...context, scope: "public" },
    "image/png",
  );
  expect(put.status).toBe(200);
  return file_url;
}

async function submit(backend: FalBackend, prompt: string, reference: string, context = ctx()) {
  const response = await call(
    backend,
    "POST",
    `/${ENDPOINT_ID}`,
    JSON.stringify({ prompt, reference_image_urls: [reference], num_inference_steps: 3 }),
    context,
  );
  return { response, body: (await response.json()) as { request_id: string; detail?: string } };
}

async function until<T>(read: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const stateOf = (backend: FalBackend, id: string) => backend.job(id)?.state;

describe("demo backend memory", () => {
  it("holds no more than DEMO_STORAGE_MB however many parts arrive", async () => {
    // Scaled down (a 2 MB bound, 1 MB parts) so the 60 parts cost 60 MB of copying, not 600.
    const backend = backendWith({
      storage: { ...backendWith().config.storage, maxBytes: 2 * MB, maxPendingPerClient: 100 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const initiated = await call(
        backend,
        "POST",
        "/storage/upload/initiate-multipart?storage_type=fal-cdn-v3",
        JSON.stringify({ content_type: "image/png" }),
        ctx(`client-${i % 7}`),
      );
      const { upload_url } = (await initiated.json()) as { upload_url: string };
      const path = `${new URL(upload_url).pathname.replace("/api/demo-fal", "")}/${(i % 3) + 1}`;
      statuses.push((await call(backend, "PUT", path, new Uint8Array(MB))).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(new Set(statuses.filter((s) => s !== 200))).toEqual(new Set([507]));
    expect(backend.holdings().bytes).toBeLessThanOrEqual(2 * MB);
  });

  it("refuses an upload PUT to an unknown token without storing anything", async () => {
    const backend = backendWith();
    for (const path of ["/storage/uploads/nope", "/storage/uploads/nope/1"]) {
      const response = await call(backend, "PUT", path, new Uint8Array(MB));
      expect(response.status).toBe(404);
    }
    expect(backend.holdings().bytes).toBe(0);
  });

  it("refuses a submit body over its bound, whatever the prompt", async () => {
    const backend = backendWith();
    const reference = await upload(backend);
    const { response, body } = await submit(backend, "x".repeat(900_000), reference);
    expect(response.status).toBe(413);
    expect(body.detail).toMatch(/demo backend refuses it/);
    expect(backend.holdings().activeJobs).toBe(0);
  });

  it("bounds runs waiting per client and in all, and says so", async () => {
    const backend = backendWith({
      queueMs: 60_000,
      maxActiveJobs: 5,
      maxActiveJobsPerClient: 3,
    });
    const reference = await upload(backend);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await submit(backend, "a", reference)).response.status);
    expect(codes).toEqual([200, 200, 200, 429]);
    const mine = await submit(backend, "a", reference);
    expect(mine.body.detail).toMatch(/You have 3 runs waiting or running/);
    expect((await submit(backend, "b", reference, ctx("b"))).response.status).toBe(200);
    expect((await submit(backend, "b", reference, ctx("b"))).response.status).toBe(200);
    const full = await submit(backend, "c", reference, ctx("c"));
    expect(full.response.status).toBe(429);
    expect(full.body.detail).toMatch(/5 runs waiting or running, its limit/);
  });

  it("forgets finished runs beyond its count, and their inputs at once", async () => {
    const backend = backendWith({ maxFinishedJobs: 3 });
    const reference = await upload(backend);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { body } = await submit(backend, `run ${i}`, reference);
      ids.push(body.request_id);
      await until(() => (stateOf(backend, body.request_id) === "COMPLETED" ? true : undefined));
      expect(backend.job(body.request_id)?.input).toBeUndefined();
    }
    expect(backend.holdings().finishedJobs).toBeLessThanOrEqual(3);
    expect(backend.job(ids[0]!)).toBeUndefined();
    expect(backend.job(ids[5]!)).toBeDefined();
  });
});

describe("demo backend fairness", () => {
  it("keeps a worker for others while one visitor hangs as many runs as they like", async () => {
    const backend = backendWith({ workers: 2, workersPerClient: 1 });
    const reference = await upload(backend);
    const hangs = [];
    for (let i = 0; i < 4; i++) hangs.push((await submit(backend, "[demo:hang]", reference)).body);
    const victim = (await submit(backend, "a visitor's edit", reference, ctx("b"))).body;
    await until(() => (stateOf(backend, victim.request_id) === "COMPLETED" ? true : undefined));
    const running = hangs.filter((h) => stateOf(backend, h.request_id) === "IN_PROGRESS");
    expect(running).toHaveLength(1);
  });

  it("serves a visitor who arrives later before another's backlog", async () => {
    const backend = backendWith({ workers: 1, workersPerClient: 1, stepMs: 5 });
    const reference = await upload(backend);
    const backlog = [];
    for (let i = 0; i < 5; i++) backlog.push((await submit(backend, `mine ${i}`, reference)).body);
    const later = (await submit(backend, "theirs", reference, ctx("b"))).body;
    await until(() => (stateOf(backend, later.request_id) === "COMPLETED" ? true : undefined));
    const done = backlog.filter((j) => stateOf(backend, j.request_id) === "COMPLETED").length;
    // The first of the backlog was already running; at most one more went before the newcomer.
    expect(done).toBeLessThanOrEqual(2);
  });

  it("ends any run that passes the time limit with fal's timeout error", async () => {
    const backend = backendWith({ workers: 2, workersPerClient: 1, maxRunMs: 150 });
    const reference = await upload(backend);
    // Two visitors hang both workers; a third is served once the limit frees them.
    const a = (await submit(backend, "[demo:hang]", reference, ctx("a"))).body;
    const b = (await submit(backend, "[demo:hang] [demo:late]", reference, ctx("b"))).body;
    const c = (await submit(backend, "after", reference, ctx("c"))).body;
    await until(() => (stateOf(backend, c.request_id) === "COMPLETED" ? true : undefined));
    for (const hung of [a, b]) {
      expect(stateOf(backend, hung.request_id)).toBe("COMPLETED");
      const result = await call(backend, "GET", `/${ENDPOINT_APP}/requests/${hung.request_id}`);
      expect(result.status).toBe(500);
      expect(await result.json()).toMatchObject({
        error_type: "request_timeout",
        detail: expect.stringMatching(/DEMO_MAX_RUN_SECONDS/),
      });
    }
  });
});

describe("demo backend URLs", () => {
  it("builds each answer's URLs on that call's own base, never another caller's", async () => {
    const backend = backendWith({ stepMs: 15 });
    const victim = ctx("victim", "https://studio.example/api/demo-fal");
    const reference = await upload(backend, victim);
    expect(reference.startsWith("https://studio.example/api/demo-fal/files/")).toBe(true);
    const { body } = await submit(backend, "the victim's edit", reference, victim);
    // Meanwhile a stranger calls every route with another base.
    const evil = ctx("evil", "https://evil.example/api/demo-fal");
    const strangerCalls = [
      call(backend, "GET", `/${ENDPOINT_APP}/requests/${body.request_id}/status`, undefined, evil),
      call(backend, "GET", `/${ENDPOINT_APP}/requests/${body.request_id}`, undefined, evil),
      upload(backend, evil),
      submit(backend, "a stranger's run", reference, evil),
    ];
    await Promise.all(strangerCalls);
    await until(() => (stateOf(backend, body.request_id) === "COMPLETED" ? true : undefined));
    for (const path of ["", "/status"]) {
      const answer = await call(
        backend,
        "GET",
        `/${ENDPOINT_APP}/requests/${body.request_id}${path}`,
        undefined,
        victim,
      );
      const text = await answer.text();
      expect(text).not.toContain("evil.example");
      expect(text).toContain("https://studio.example/api/demo-fal/");
    }
  });
});
