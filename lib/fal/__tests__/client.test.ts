/**
 * The real @fal-ai/client with our fetch: only the network under it is replaced, by canned
 * answers shaped like our proxy's and fal's.
 */
import { ApiError, ValidationError } from "@fal-ai/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ENDPOINT_ID } from "@/lib/endpoint";
import { createPlaygroundFalClient, refusingFetch } from "@/lib/fal/client";
import { ProxyRefusalError, SubmitError } from "@/lib/fal/errors";
import { proxyError } from "@/lib/proxy/refusal";

const input = { prompt: "a red door", reference_image_urls: ["https://v3.fal.media/a.png"] };

/** A network that gives the same answer to every request, and counts them. */
function network(answer: () => Response) {
  const calls: string[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL) => {
    calls.push(String(url));
    return answer();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the proxy's refusals reach the user at once", () => {
  it("turns a rate-limit 429 from the proxy into a ProxyRefusalError on the first answer", async () => {
    const resetsAt = new Date(Date.now() + 42_000);
    const { fetch, calls } = network(() =>
      proxyError(429, "Six runs a minute. Try again in 42 s.", "proxy_rate_limited", resetsAt),
    );
    const fal = createPlaygroundFalClient(fetch);
    const error = await fal.queue.submit(ENDPOINT_ID, { input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyRefusalError);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      body: { error_type: "proxy_rate_limited", resets_at: resetsAt.toISOString() },
    });
    expect(calls).toHaveLength(1);
  });

  it.each([429, 500, 502, 503, 504])(
    "sends a submit once when it is answered %s, and says so without retrying",
    async (status) => {
      vi.useFakeTimers();
      const { fetch, calls } = network(() => Response.json({ detail: "Busy." }, { status }));
      const fal = createPlaygroundFalClient(fetch);
      const outcome = fal.queue.submit(ENDPOINT_ID, { input }).catch((e: unknown) => e);
      await vi.runAllTimersAsync();
      const error = await outcome;
      expect(error).toBeInstanceOf(SubmitError);
      expect(error).not.toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status, body: { detail: "Busy." } });
      expect(calls).toHaveLength(1);
    },
  );

  it("sends a submit once when the connection drops, whatever the error's code", async () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const dropped = (async (url: RequestInfo | URL) => {
      calls.push(String(url));
      // What Node's fetch throws: the client would retry this shape (ECONNRESET under TypeError).
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
    }) as typeof globalThis.fetch;
    const fal = createPlaygroundFalClient(dropped);
    const outcome = fal.queue.submit(ENDPOINT_ID, { input }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await outcome).toMatchObject({ name: "SubmitError", status: 0 });
    expect(calls).toHaveLength(1);
  });

  it("still lets the client retry a status read, which costs nothing", async () => {
    vi.useFakeTimers();
    const { fetch, calls } = network(() => Response.json({ detail: "Busy." }, { status: 503 }));
    const fal = createPlaygroundFalClient(fetch);
    const outcome = fal.queue
      .status(ENDPOINT_ID, { requestId: "0b9d5c1e-4f7a-4c3b-9a2e-6d8f1e2a3b4c" })
      .catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await outcome).toBeInstanceOf(ApiError);
    expect(calls.length).toBeGreaterThan(1);
  });

  it("keeps fal's 422 on a submit a ValidationError with its fields", async () => {
    const { fetch, calls } = network(() =>
      Response.json(
        { detail: [{ loc: ["body", "num_images"], msg: "Too many.", type: "too_big" }] },
        { status: 422 },
      ),
    );
    const fal = createPlaygroundFalClient(fetch);
    const error = await fal.queue.submit(ENDPOINT_ID, { input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).getFieldErrors("num_images")[0]?.msg).toBe("Too many.");
    expect(calls).toHaveLength(1);
  });

  it("refuses at once on result requests too, which ignore a configured response handler", async () => {
    const { fetch, calls } = network(() =>
      proxyError(503, "No password set.", "proxy_not_configured"),
    );
    const fal = createPlaygroundFalClient(fetch);
    const error = await fal.queue
      .result(ENDPOINT_ID, { requestId: "req-1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyRefusalError);
    expect(calls).toHaveLength(1);
  });

  it("passes status streams and the proxy's upstream troubles through untouched", async () => {
    const signedOut = refusingFetch(async () =>
      proxyError(401, "Sign in.", "proxy_unauthenticated"),
    );
    const stream = await signedOut("/api/fal/proxy", {
      headers: { Accept: "application/json", accept: "text/event-stream" },
    });
    expect(stream.status).toBe(401);
    const unreachable = refusingFetch(async () =>
      proxyError(502, "Could not reach fal.", "proxy_upstream_unreachable"),
    );
    expect((await unreachable("/api/fal/proxy")).status).toBe(502);
  });
});
