/**
 * The page's own calls to fal, through the proxy at /api/fal/proxy. @fal-ai/client (about a tenth
 * of the page's script, npm run bench first-load) loads on the first call, or earlier on a sign
 * that one is coming (preloadFalClient): a page that is only looked at never fetches it.
 */
import type { EditInput, EditOutput } from "@/lib/endpoint";
import type { PlaygroundCalls, RunStatus } from "./client";

let calls: Promise<PlaygroundCalls> | undefined;

function pageCalls(): Promise<PlaygroundCalls> {
  calls ??= import("./client")
    .then(({ createPlaygroundFalClient, playgroundCalls }) =>
      playgroundCalls(createPlaygroundFalClient()),
    )
    .catch((error: unknown) => {
      // A chunk that failed to load (offline, a deploy in between) is tried again next call.
      calls = undefined;
      throw error;
    });
  return calls;
}

/** Starts loading the client ahead of a run or an upload (e.g. when Run is hovered). */
export function preloadFalClient(): void {
  pageCalls().catch(() => {});
}

export const uploadFile = async (file: Blob): Promise<string> =>
  (await pageCalls()).uploadFile(file);

export const submitEdit = async (input: EditInput, endpointId?: string): Promise<string> =>
  (await pageCalls()).submitEdit(input, endpointId);

export const followRun = async (
  requestId: string,
  onStatus: (status: RunStatus) => void,
): Promise<RunStatus> => (await pageCalls()).followRun(requestId, onStatus);

export const fetchResult = async (requestId: string): Promise<EditOutput> =>
  (await pageCalls()).fetchResult(requestId);

export const cancelRun = async (requestId: string): Promise<void> =>
  (await pageCalls()).cancelRun(requestId);
