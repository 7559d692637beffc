/**
 * The browser's one way to fal: the real @fal-ai/client, pointed at our proxy so the key stays on
 * the server. Components call these functions, never the client itself; the page's own calls are
 * in page-calls.ts, which loads this module (and the client) on first use.
 */
import { createFalClient, type FalClient, type QueueStatus } from "@fal-ai/client";
import { ENDPOINT_ID, type EditInput, type EditOutput } from "@/lib/endpoint";
import { readProxyRefusal, SubmitError } from "./errors";

export const PROXY_PATH = "/api/fal/proxy";
/** The header the client names the real fal URL in (as @fal-ai/server-proxy reads it). */
const TARGET_URL_HEADER = "x-fal-target-url";

const isEventStream = (init: RequestInit | undefined) =>
  new Headers(init?.headers).get("accept")?.includes("text/event-stream") ?? false;

/**
 * A queue submit: a POST to fal's queue host (status, result and cancel are GET and PUT). Through
 * the proxy the fal URL travels in a header; without one (outside a browser) it is the URL itself.
 */
const isSubmit = (input: RequestInfo | URL, init: RequestInit | undefined) => {
  if (init?.method?.toUpperCase() !== "POST") return false;
  const target = new Headers(init.headers).get(TARGET_URL_HEADER) ?? String(input);
  return target.startsWith("https://queue.fal.run/");
};

/**
 * The client's fetch, and the one place that decides what the client may retry.
 *
 * - A submit is sent once. @fal-ai/client retries submits on 429/502/503/504 and on dropped
 *   connections (its QUEUE_RETRY_CONFIG, which no option overrides), but after a gateway error or
 *   a dropped connection the run may have started on fal: a retry could run and bill it twice.
 *   So every failed submit (but fal's 422, which the client turns into field errors and never
 *   retries) becomes a SubmitError, which the client does not retry; only a click re-submits.
 * - Our proxy's final refusals (signed out, locked, over a limit) become a ProxyRefusalError, so
 *   they reach the user at once instead of after ~7 s of retries that cannot succeed.
 *
 * Why fetch and not the `responseHandler` option: the package does not export its default handler
 * to wrap, and result and status-stream requests ignore a configured handler anyway. Status streams
 * are passed through: the stream wraps a thrown error in a typeless 500, but reads the response
 * itself into an ApiError that keeps the body (and it never retries that).
 */
export function refusingFetch(base?: typeof fetch): typeof fetch {
  return async (input, init) => {
    const submit = isSubmit(input, init);
    let response: Response;
    try {
      // Resolved per call, not at import, so the page's (or a test's) fetch is the one used.
      response = await (base ?? fetch)(input, init);
    } catch (error) {
      if (submit && (error as Error).name !== "AbortError") throw new SubmitError(0, undefined);
      throw error;
    }
    if (response.ok || isEventStream(init)) return response;
    const refusal = await readProxyRefusal(response);
    if (refusal) throw refusal;
    if (submit && response.status !== 422) {
      const body = (await response.json().catch(() => undefined)) as
        { detail?: unknown; error_type?: unknown } | undefined;
      throw new SubmitError(response.status, body);
    }
    return response;
  };
}

/** A client that talks to fal only through our proxy; `base` replaces the network in tests. */
export function createPlaygroundFalClient(
  base?: typeof fetch,
  /** An absolute proxy URL, for callers outside a browser (tests, benches). */
  proxyUrl?: string,
): FalClient {
  return createFalClient({
    proxyUrl: proxyUrl ? { url: proxyUrl, when: "always" } : PROXY_PATH,
    fetch: refusingFetch(base),
  });
}

export type RunStatus = QueueStatus;

/** The calls the playground makes, on a given client (the page's, or a test's). */
export function playgroundCalls(fal: FalClient) {
  return {
    /** Uploads a file to fal storage (initiate through the proxy, bytes straight to storage). */
    uploadFile: (file: Blob): Promise<string> => fal.storage.upload(file),

    /** Submits a run to an endpoint and returns its request id, the handle that outlives the page. */
    async submitEdit(input: EditInput, endpointId: string = ENDPOINT_ID): Promise<string> {
      const { request_id } = await fal.queue.submit(endpointId, { input });
      return request_id;
    },

    /**
     * Follows a request until it completes, reporting each status with the log lines so far.
     * Streaming keeps status requests to one per run; it resolves on COMPLETED. Both endpoints
     * share owner/alias, which is all the client uses for status, result and cancel.
     */
    followRun: (requestId: string, onStatus: (status: RunStatus) => void): Promise<RunStatus> =>
      fal.queue.subscribeToStatus(ENDPOINT_ID, {
        requestId,
        logs: true,
        mode: "streaming",
        onQueueUpdate: onStatus,
      }),

    /** Fetches a completed request's output. */
    async fetchResult(requestId: string): Promise<EditOutput> {
      const { data } = await fal.queue.result(ENDPOINT_ID, { requestId });
      return data as EditOutput;
    },

    /** Asks fal to cancel a request; only this stops a job (aborting a fetch does not). */
    async cancelRun(requestId: string): Promise<void> {
      await fal.queue.cancel(ENDPOINT_ID, { requestId });
    },
  };
}

export type PlaygroundCalls = ReturnType<typeof playgroundCalls>;
