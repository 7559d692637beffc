/**
 * The browser's one way to fal: the real @fal-ai/client, pointed at our proxy so the key stays on
 * the server. Components call these functions, never the client itself.
 */
import { createFalClient, type QueueStatus } from "@fal-ai/client";
import { ENDPOINT_ID, type EditInput, type EditOutput } from "@/lib/endpoint";

export const PROXY_PATH = "/api/fal/proxy";

const fal = createFalClient({ proxyUrl: PROXY_PATH });

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
