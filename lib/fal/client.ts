/**
 * The browser's one way to fal: the real @fal-ai/client, pointed at our proxy so the key stays on
 * the server. Components call these functions, never the client itself.
 */
import { createFalClient, type FalClient, type QueueStatus } from "@fal-ai/client";
import { ENDPOINT_ID, type EditInput, type EditOutput } from "@/lib/endpoint";
import { readProxyRefusal } from "./errors";

export const PROXY_PATH = "/api/fal/proxy";

const isEventStream = (init: RequestInit | undefined) =>
  new Headers(init?.headers).get("accept")?.includes("text/event-stream") ?? false;

/**
 * The client's fetch, turning our proxy's final refusals (signed out, locked, over a limit) into
 * a ProxyRefusalError. The client retries only ApiErrors, so these reach the user at once instead
 * of after ~7 s of retries that cannot succeed.
 *
 * Why fetch and not the `responseHandler` option: the package does not export its default handler
 * to wrap, and result and status-stream requests ignore a configured handler anyway. Status streams
 * are passed through: the stream wraps a thrown error in a typeless 500, but reads the response
 * itself into an ApiError that keeps the body (and it never retries that).
 */
export function refusingFetch(base?: typeof fetch): typeof fetch {
  return async (input, init) => {
    // Resolved per call, not at import, so the page's (or a test's) fetch is the one used.
    const response = await (base ?? fetch)(input, init);
    if (response.ok || isEventStream(init)) return response;
    const refusal = await readProxyRefusal(response);
    if (refusal) throw refusal;
    return response;
  };
}

/** A client that talks to fal only through our proxy; `base` replaces the network in tests. */
export function createPlaygroundFalClient(base?: typeof fetch): FalClient {
  return createFalClient({ proxyUrl: PROXY_PATH, fetch: refusingFetch(base) });
}

const fal = createPlaygroundFalClient();

export type RunStatus = QueueStatus;

/** Uploads a file to fal storage (initiate through the proxy, bytes straight to storage). */
export function uploadFile(file: Blob): Promise<string> {
  return fal.storage.upload(file);
}

/** Submits a run and returns its request id, the handle that outlives the page. */
export async function submitEdit(input: EditInput): Promise<string> {
  const { request_id } = await fal.queue.submit(ENDPOINT_ID, { input });
  return request_id;
}

/**
 * Follows a request until it completes, reporting each status with the log lines so far.
 * Streaming keeps status requests to one per run; it resolves on COMPLETED.
 */
export async function followRun(
  requestId: string,
  onStatus: (status: RunStatus) => void,
): Promise<RunStatus> {
  return fal.queue.subscribeToStatus(ENDPOINT_ID, {
    requestId,
    logs: true,
    mode: "streaming",
    onQueueUpdate: onStatus,
  });
}

/** Fetches a completed request's output. */
export async function fetchResult(requestId: string): Promise<EditOutput> {
  const { data } = await fal.queue.result(ENDPOINT_ID, { requestId });
  return data as EditOutput;
}

/** Asks fal to cancel a request; only this stops a job (aborting a fetch does not). */
export async function cancelRun(requestId: string): Promise<void> {
  await fal.queue.cancel(ENDPOINT_ID, { requestId });
}
