/**
 * Following a run to the end through whatever happens on the way: a status stream closed early
 * (a serverless function's time limit), a dropped connection, the browser going offline. Only
 * errors that say the run itself is gone or refused stop it. Nothing here ever re-submits.
 */
import type { EditOutput } from "@/lib/endpoint";
import type { PlaygroundCalls, RunStatus } from "./client";
import { isFalApiError, proxyRefusalTypeOf } from "./errors";
import { fetchResult, followRun } from "./page-calls";

export type Waiting = "offline" | "reconnecting";

const MAX_BACKOFF_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function waitUntilOnline(): Promise<void> {
  if (typeof navigator === "undefined" || navigator.onLine) return Promise.resolve();
  return new Promise((resolve) =>
    window.addEventListener("online", () => resolve(), { once: true }),
  );
}

/**
 * Worth another try: the network, or fal's or our proxy's passing trouble. Never a 4xx about the
 * run, and never a result's own failure: a result answers with the job's final status (a 500 with
 * fal's `error_type` is the job failing, replayed every time it is asked for).
 */
export function isTransient(error: unknown, fetchingResult = false): boolean {
  if (error instanceof TypeError) return true; // fetch's network failure
  if (!isFalApiError(error)) return false;
  // Signed out or a locked deployment, read from a status stream: waiting will not change it.
  if (proxyRefusalTypeOf(error)) return false;
  const type = (error.body as { error_type?: string } | undefined)?.error_type;
  if (type === "proxy_upstream_unreachable" || type === "proxy_upstream_timeout") return true;
  if (fetchingResult) return !type && [429, 502, 503, 504].includes(error.status);
  return [408, 429, 500, 502, 503, 504].includes(error.status);
}

async function retrying<T>(
  attempt: () => Promise<T>,
  onWaiting: (why: Waiting | undefined) => void,
  fetchingResult = false,
): Promise<T> {
  for (let failures = 0; ; failures++) {
    if (typeof navigator !== "undefined" && !navigator.onLine) {
      onWaiting("offline");
      await waitUntilOnline();
    }
    try {
      const value = await attempt();
      onWaiting(undefined);
      return value;
    } catch (error) {
      if (!isTransient(error, fetchingResult)) throw error;
      onWaiting(typeof navigator !== "undefined" && !navigator.onLine ? "offline" : "reconnecting");
      await sleep(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures));
    }
  }
}

/** Follows a request until COMPLETED, then fetches its result (on the page's client by default). */
export async function followToResult(
  requestId: string,
  onStatus: (status: RunStatus) => void,
  onWaiting: (why: Waiting | undefined) => void,
  calls: Pick<PlaygroundCalls, "followRun" | "fetchResult"> = { followRun, fetchResult },
): Promise<EditOutput> {
  for (;;) {
    const last = await retrying(() => calls.followRun(requestId, onStatus), onWaiting);
    if (last.status === "COMPLETED") break;
    // The stream ended before the run did: reconnect; its first event repeats what we missed.
  }
  return retrying(() => calls.fetchResult(requestId), onWaiting, true);
}
