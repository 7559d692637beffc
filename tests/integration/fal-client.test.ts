/**
 * The real, unmodified @fal-ai/client in Node, through our proxy over HTTP, against the
 * fal-compatible backend: live mode (a key and FAL_UPSTREAM_URL) and demo mode (no key).
 */
import { parseServerEnv } from "@/lib/server-env";
import { createHash } from "node:crypto";
import { ApiError, createFalClient, ValidationError, type FalClient } from "@fal-ai/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINT_ID, ENDPOINTS, type EditInput, type EditOutput } from "@/lib/endpoint";
import { startStandaloneBackend, type StandaloneBackend } from "@/lib/emulator/standalone";
import { imageSize, makePng } from "../support/images";
import { FAST, startTestApp, type TestApp } from "../support/test-app";

const SERVER_KEY = "canary-server-key-7f3a";
const CLIENT_KEY = "client-supplied-key-9b1c";

type Update = { status: string; logs?: { message: string }[] | null; queue_position?: number };

function clientFor(app: TestApp): FalClient {
  // A client that also sends its own key: the proxy must ignore it.
  return createFalClient({
    proxyUrl: { url: app.proxyUrl, when: "always" },
    credentials: CLIENT_KEY,
  });
}

async function uploadPng(fal: FalClient, width = 640, height = 480): Promise<string> {
  return fal.storage.upload(
    new Blob([new Uint8Array(await makePng(width, height))], { type: "image/png" }),
  );
}

async function download(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  expect(response.ok).toBe(true);
  return new Uint8Array(await response.arrayBuffer());
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("live mode: real client → proxy (FAL_KEY, FAL_UPSTREAM_URL) → standalone backend", () => {
  let backend: StandaloneBackend;
  let app: TestApp;
  let fal: FalClient;

  beforeAll(async () => {
    backend = await startStandaloneBackend({ config: FAST });
    app = await startTestApp(
      parseServerEnv({
        FAL_KEY: SERVER_KEY,
        FAL_UPSTREAM_URL: backend.url,
        ALLOW_PUBLIC_ACCESS: "true",
        RUNS_PER_MINUTE: "unlimited",
        DAILY_BUDGET_USD: "unlimited",
      }),
    );
    fal = clientFor(app);
  });
  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it("subscribes with polling and returns real images at the snapped size", async () => {
    const reference = await uploadPng(fal);
    const updates: Update[] = [];
    const result = await fal.subscribe(ENDPOINT_ID, {
      input: {
        // [demo:slow]: queued behind others for a few polls, however busy the machine is.
        prompt: "Make the circle gold [demo:slow]",
        reference_image_urls: [reference],
        image_size: "landscape_16_9",
        num_inference_steps: 4,
        seed: 1234,
        output_format: "jpeg",
      } satisfies EditInput,
      logs: true,
      pollInterval: 40,
      onQueueUpdate: (update) => updates.push(update as Update),
    });
    const data = result.data as EditOutput;
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.seed).toBe(1234);
    expect(data.has_nsfw_concepts).toEqual([false]);
    expect(data.images).toHaveLength(1);
    expect(data.images[0]).toMatchObject({ content_type: "image/jpeg", width: 2560, height: 1440 });
    const image = await download(data.images[0]!.url);
    expect(image.byteLength).toBe(data.images[0]!.file_size);
    expect(await imageSize(image)).toEqual({ width: 2560, height: 1440, format: "jpeg" });
    expect(
      updates.some((u) => u.status === "IN_QUEUE" && typeof u.queue_position === "number"),
    ).toBe(true);
    const logLines = updates.flatMap((u) => u.logs ?? []).map((l) => l.message);
    expect(logLines).toContain("Step 4/4");
    expect(data.timings.inference).toBeGreaterThan(0);
  });

  it("subscribes with streaming and receives each log line once", async () => {
    const reference = await uploadPng(fal);
    let last: Update | undefined;
    const result = await fal.subscribe(ENDPOINT_ID, {
      input: {
        prompt: "stream me",
        reference_image_urls: [reference],
        num_inference_steps: 5,
        num_images: 2,
      },
      logs: true,
      mode: "streaming",
      onQueueUpdate: (update) => (last = update as Update),
    });
    const data = result.data as EditOutput;
    expect(data.images).toHaveLength(2);
    expect(data.images.map((i) => [i.width, i.height])).toEqual([
      [2048, 2048],
      [2048, 2048],
    ]);
    const steps = (last?.logs ?? []).map((l) => l.message).filter((m) => m.startsWith("Step"));
    expect(steps).toEqual(["Step 1/5", "Step 2/5", "Step 3/5", "Step 4/5", "Step 5/5"]);
  });

  it("submits, then follows status and fetches the result by stored request id", async () => {
    const reference = await uploadPng(fal);
    const { request_id } = await fal.queue.submit(ENDPOINT_ID, {
      input: { prompt: "by id", reference_image_urls: [reference], num_inference_steps: 3 },
    });
    // A fresh client, as after a page reload: only the id survives.
    const reloaded = clientFor(app);
    let status = await reloaded.queue.status(ENDPOINT_ID, { requestId: request_id, logs: true });
    while (status.status !== "COMPLETED") {
      await new Promise((resolve) => setTimeout(resolve, 30));
      status = await reloaded.queue.status(ENDPOINT_ID, { requestId: request_id, logs: true });
    }
    expect(status.logs?.map((l) => l.message)).toContain("Step 3/3");
    expect(
      (status as { metrics?: { inference_time?: number } }).metrics?.inference_time,
    ).toBeGreaterThan(0);
    const result = await reloaded.queue.result(ENDPOINT_ID, { requestId: request_id });
    expect(result.requestId).toBe(request_id);
    expect((result.data as EditOutput).images[0]?.width).toBe(2048);
  });

  it("cancels a running request; it completes and its result says cancelled", async () => {
    const reference = await uploadPng(fal);
    const { request_id } = await fal.queue.submit(ENDPOINT_ID, {
      input: { prompt: "never ends [demo:hang]", reference_image_urls: [reference] },
    });
    let status = await fal.queue.status(ENDPOINT_ID, { requestId: request_id });
    while (status.status === "IN_QUEUE") {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = await fal.queue.status(ENDPOINT_ID, { requestId: request_id });
    }
    await fal.queue.cancel(ENDPOINT_ID, { requestId: request_id });
    const done = await fal.queue.subscribeToStatus(ENDPOINT_ID, {
      requestId: request_id,
      pollInterval: 20,
    });
    expect(done.status).toBe("COMPLETED");
    const error = await fal.queue
      .result(ENDPOINT_ID, { requestId: request_id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError<{ detail: string }>).body.detail).toBe("Request was cancelled.");
  });

  it("the backend takes a file over 90 MiB by multipart, bytes intact", async () => {
    // The playground never uploads this much, so its proxy refuses multipart (proxy-abuse); the
    // backend still speaks the whole storage protocol, checked here with the client talking to it.
    const direct = createFalClient({
      credentials: SERVER_KEY,
      requestMiddleware: async (request) => ({
        ...request,
        url: request.url.replace(/^https:\/\/rest\.fal\.ai/, backend.url),
      }),
    });
    const bytes = new Uint8Array(91 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) % 251;
    const url = await direct.storage.upload(
      new Blob([bytes], { type: "application/octet-stream" }),
    );
    const parts = backend.backend.seen.filter((r) =>
      /^\/storage\/uploads\/[^/]+\/\d+$/.test(r.path),
    );
    expect(parts).toHaveLength(10);
    expect(backend.backend.seen.some((r) => r.path === "/storage/upload/initiate-multipart")).toBe(
      true,
    );
    const stored = await download(url);
    expect(stored.byteLength).toBe(bytes.byteLength);
    expect(sha(stored)).toBe(sha(bytes));
  });

  it("refuses a multipart upload through the proxy before it reaches fal", async () => {
    backend.backend.seen.length = 0;
    const error = await fal.storage
      .upload(new Blob([new Uint8Array(91 * 1024 * 1024)], { type: "image/png" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError<unknown>).status).toBe(403);
    expect(backend.backend.seen).toEqual([]);
  });

  it("raises ValidationError with field errors for input the schema rejects", async () => {
    const reference = await uploadPng(fal);
    const error = await fal
      .subscribe(ENDPOINT_ID, {
        input: {
          prompt: "too many steps",
          reference_image_urls: [reference],
          num_inference_steps: 40,
          guidance_scale: 25,
        },
        pollInterval: 20,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const validation = error as ValidationError;
    expect(validation.status).toBe(422);
    expect(validation.getFieldErrors("num_inference_steps")).toHaveLength(1);
    expect(validation.getFieldErrors("guidance_scale")[0]?.loc).toEqual(["body", "guidance_scale"]);
  });

  it("returns data URIs in sync mode and the same pixels for the same seed", async () => {
    const reference = await uploadPng(fal);
    const input = {
      prompt: "same seed",
      reference_image_urls: [reference],
      num_inference_steps: 2,
      seed: 99,
      output_format: "png" as const,
    };
    const a = (
      await fal.subscribe(ENDPOINT_ID, { input: { ...input, sync_mode: true }, pollInterval: 20 })
    ).data as EditOutput;
    const b = (await fal.subscribe(ENDPOINT_ID, { input, pollInterval: 20 })).data as EditOutput;
    expect(a.images[0]!.url.startsWith("data:image/png;base64,")).toBe(true);
    const inline = new Uint8Array(Buffer.from(a.images[0]!.url.split(",")[1]!, "base64"));
    expect(sha(inline)).toBe(sha(await download(b.images[0]!.url)));
  });

  it("flags images by the documented rule only when the safety checker is on", async () => {
    const reference = await uploadPng(fal);
    const input = {
      prompt: "flag me [demo:nsfw]",
      reference_image_urls: [reference],
      num_inference_steps: 1,
      num_images: 2,
    };
    const on = (await fal.subscribe(ENDPOINT_ID, { input, pollInterval: 20 })).data as EditOutput;
    const off = (
      await fal.subscribe(ENDPOINT_ID, {
        input: { ...input, enable_safety_checker: false },
        pollInterval: 20,
      })
    ).data as EditOutput;
    expect(on.has_nsfw_concepts).toEqual([true, true]);
    expect(off.has_nsfw_concepts).toEqual([false, false]);
  });

  it("keeps the original aspect of a single reference", async () => {
    const reference = await uploadPng(fal, 3000, 2000);
    const data = (
      await fal.subscribe(ENDPOINT_ID, {
        input: {
          prompt: "keep aspect",
          reference_image_urls: [reference],
          num_inference_steps: 1,
          keep_original_aspect: true,
        },
        pollInterval: 20,
      })
    ).data as EditOutput;
    expect([data.images[0]!.width, data.images[0]!.height]).toEqual([2496, 1664]);
  });

  it("surfaces fal's refusals and infrastructure errors as ApiError with fal's detail", async () => {
    const reference = await uploadPng(fal);
    const balance = await fal.queue
      .submit(ENDPOINT_ID, { input: { prompt: "[demo:403]", reference_image_urls: [reference] } })
      .catch((e: unknown) => e as ApiError<{ detail: string }>);
    expect(balance).toBeInstanceOf(ApiError);
    expect((balance as ApiError<{ detail: string }>).status).toBe(403);
    expect((balance as ApiError<{ detail: string }>).body.detail).toMatch(/Exhausted balance/);
    const crash = await fal
      .subscribe(ENDPOINT_ID, {
        input: { prompt: "[demo:500]", reference_image_urls: [reference], num_inference_steps: 4 },
        pollInterval: 20,
      })
      .catch((e: unknown) => e as ApiError<{ detail: string; error_type: string }>);
    expect(crash).toBeInstanceOf(ApiError);
    expect((crash as ApiError<{ error_type: string }>).body.error_type).toBe("internal_error");
  });

  it("sends the server's key upstream and never the client's", () => {
    const keyed = backend.backend.seen.filter(
      (r) => r.path.startsWith("/fal-ai/") || r.path.startsWith("/storage/upload/"),
    );
    expect(keyed.length).toBeGreaterThan(10);
    for (const request of keyed) expect(request.authorization).toBe(`Key ${SERVER_KEY}`);
    for (const request of backend.backend.seen)
      expect(request.authorization ?? "").not.toContain(CLIENT_KEY);
  });
});

describe("demo mode: real client → proxy (no key) → embedded backend", () => {
  let app: TestApp;
  let fal: FalClient;

  beforeAll(async () => {
    app = await startTestApp(parseServerEnv({}));
    fal = clientFor(app);
  });
  afterAll(async () => app?.close());

  it("runs an edit end to end with uploads served by the app itself", async () => {
    const reference = await uploadPng(fal);
    expect(reference).toContain(`${app.url}/api/demo-fal/files/`);
    const result = await fal.subscribe(ENDPOINT_ID, {
      input: {
        prompt: "demo",
        reference_image_urls: [reference],
        num_inference_steps: 3,
        output_format: "webp",
      },
      mode: "streaming",
      logs: true,
    });
    const data = result.data as EditOutput;
    expect(await imageSize(await download(data.images[0]!.url))).toEqual({
      width: 2048,
      height: 2048,
      format: "webp",
    });
  });

  it("runs both endpoints: Full from text alone, Dev on its result, each marked", async () => {
    const full = ENDPOINTS.full;
    const logs: string[] = [];
    const made = await fal.subscribe(full.id, {
      input: { prompt: "a lighthouse at dusk", num_inference_steps: 3 },
      mode: "streaming",
      logs: true,
      onQueueUpdate: (update) => {
        if ("logs" in update) logs.push(...(update.logs ?? []).map((l) => l.message));
      },
    });
    expect(logs).toContain(`Model: HiDream-O1 Full (${full.id}).`);
    const first = (made.data as EditOutput).images[0]!;
    const edited = await fal.subscribe(ENDPOINTS.dev.id, {
      input: { prompt: "make it snow", reference_image_urls: [first.url], num_inference_steps: 3 },
      mode: "streaming",
    });
    expect((edited.data as EditOutput).images).toHaveLength(1);
    // Dev needs a reference: the backend says so in fal's 422 shape.
    const refused = await fal
      .subscribe(ENDPOINTS.dev.id, { input: { prompt: "no reference" } })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
  });

  it("never sends an Authorization header, not even 'Key undefined'", () => {
    expect(app.demoBackend.seen.length).toBeGreaterThan(3);
    for (const request of app.demoBackend.seen) expect(request.authorization).toBeNull();
  });

  it("does not serve queue calls on the public demo route", async () => {
    const response = await fetch(`${app.url}/api/demo-fal/fal-ai/hidream-o1-image/dev/edit`, {
      method: "POST",
      body: "{}",
    });
    expect(response.status).toBe(404);
  });
});

describe("timing defaults", () => {
  it("demo pacing is slow enough to watch and fast enough to wait for", async () => {
    const { emulatorConfig } = await import("@/lib/emulator/config");
    const config = emulatorConfig();
    const runSeconds = (config.queueMs + 28 * config.stepMs) / 1000;
    expect(runSeconds).toBeGreaterThan(2);
    expect(runSeconds).toBeLessThan(8);
    expect(FAST.stepMs).toBeLessThan(config.stepMs);
  });
});
