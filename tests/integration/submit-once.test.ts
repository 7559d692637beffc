/**
 * "Retry only ever re-submits when you click it", for every status code and every layer: the
 * real browser-side client (our fetch under @fal-ai/client), the proxy, and an upstream that
 * answers submits slowly, with errors, or not at all. Each click reaches the upstream once.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FalClient } from "@fal-ai/client";
import { ENDPOINT_ID } from "@/lib/endpoint";
import { serveHandler, type RunningServer } from "@/lib/emulator/serve";
import { createPlaygroundFalClient } from "@/lib/fal/client";
import { toRunError } from "@/lib/fal/errors";
import { DEFAULT_TIMEOUTS } from "@/lib/proxy/forward";
import { describeError } from "@/lib/runs/run-error";
import { parseServerEnv } from "@/lib/server-env";
import { startTestApp, type TestApp } from "../support/test-app";

const INPUT = { prompt: "a red door", reference_image_urls: ["https://v3.fal.media/a.png"] };
const SUBMIT_TIMEOUT_MS = 400;

/** What the fake fal does with the next submits. */
let behaviour: "slow" | number = 200;
let submits = 0;

let upstream: RunningServer;
let dropping: http.Server;
let dropUrl: string;
let app: TestApp;
let fal: FalClient;

beforeAll(async () => {
  upstream = await serveHandler(async (request) => {
    if (request.method !== "POST") return Response.json({ detail: "no" }, { status: 404 });
    submits++;
    if (behaviour === "slow") {
      // Answers after the proxy has given up on it, as a fal taking minutes would.
      await new Promise((resolve) => setTimeout(resolve, SUBMIT_TIMEOUT_MS * 3));
      return Response.json({ status: "IN_QUEUE", request_id: crypto.randomUUID() });
    }
    if (behaviour === 200) {
      return Response.json({ status: "IN_QUEUE", request_id: crypto.randomUUID() });
    }
    return Response.json({ detail: `fal answered ${behaviour}.` }, { status: behaviour });
  });
  // An upstream that reads the submit, then drops the connection without a word.
  dropping = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      submits++;
      response.socket?.destroy();
    });
  });
  await new Promise<void>((resolve) => dropping.listen(0, "127.0.0.1", resolve));
  dropUrl = `http://127.0.0.1:${(dropping.address() as AddressInfo).port}`;
  app = await startTestApp(
    parseServerEnv({
      FAL_KEY: "canary-key",
      FAL_UPSTREAM_URL: upstream.url,
      ALLOW_PUBLIC_ACCESS: "true",
      RUNS_PER_MINUTE: "unlimited",
      DAILY_BUDGET_USD: "100",
    }),
    undefined,
    undefined,
    { submitMs: SUBMIT_TIMEOUT_MS, callMs: SUBMIT_TIMEOUT_MS },
  );
  fal = createPlaygroundFalClient(undefined, app.proxyUrl);
});
afterAll(async () => {
  await app?.close();
  await upstream?.close();
  dropping?.close();
});
beforeEach(() => {
  submits = 0;
});

const click = () => fal.queue.submit(ENDPOINT_ID, { input: INPUT }).catch((e: unknown) => e);

describe("a submit is sent once per click", () => {
  it("when fal takes longer than the proxy waits: three clicks, three submits, said as unconfirmed", async () => {
    behaviour = "slow";
    const errors = [await click(), await click(), await click()];
    expect(submits).toBe(3);
    for (const error of errors) {
      const words = describeError(toRunError(error));
      expect(words.title).toBe("fal did not confirm this run");
      expect(words.message).toMatch(/may still run \(and be billed\)/);
    }
    // The reservation is kept: the runs may have started.
    const usage = await app.limiter.usage("x");
    expect(usage.dailyBudget?.spentUsd).toBeGreaterThan(0.06);
  });

  it.each([429, 500, 502, 503, 504])("when fal answers %s", async (status) => {
    behaviour = status;
    const error = await click();
    expect(submits).toBe(1);
    expect(toRunError(error).status).toBe(status);
  });

  it("when fal drops the connection after reading the submit", async () => {
    const dropApp = await startTestApp(
      parseServerEnv({
        FAL_KEY: "canary-key",
        FAL_UPSTREAM_URL: dropUrl,
        ALLOW_PUBLIC_ACCESS: "true",
        RUNS_PER_MINUTE: "unlimited",
        DAILY_BUDGET_USD: "100",
      }),
    );
    try {
      const client = createPlaygroundFalClient(undefined, dropApp.proxyUrl);
      const error = await client.queue
        .submit(ENDPOINT_ID, { input: INPUT })
        .catch((e: unknown) => e);
      expect(submits).toBe(1);
      expect(toRunError(error).code).toBe("proxy_submit_unconfirmed");
      // It may have started: its most possible cost stays reserved.
      expect((await dropApp.limiter.usage("x")).dailyBudget?.spentUsd).toBeGreaterThan(0.02);
    } finally {
      await dropApp.close();
    }
  });

  it("and goes through once when fal answers", async () => {
    behaviour = 200;
    expect(await click()).toMatchObject({ status: "IN_QUEUE" });
    expect(submits).toBe(1);
  });
});

describe("the proxy's own wait for a submit", () => {
  it("outlasts a minute and stays under the route's 300 s", () => {
    expect(DEFAULT_TIMEOUTS.submitMs).toBeGreaterThan(60_000);
    expect(DEFAULT_TIMEOUTS.submitMs).toBeLessThan(300_000);
  });
});
