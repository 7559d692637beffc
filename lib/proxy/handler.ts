/**
 * The fal proxy behind `/api/fal/proxy`: the browser's real `@fal-ai/client` talks to it, and it
 * relays only the playground's own calls, with the server's key, to fal or a fal-compatible backend.
 *
 * Why not `handleRequest` from @fal-ai/server-proxy: it calls the global `fetch` on the target URL
 * with no abort signal, so it cannot honour FAL_UPSTREAM_URL or the embedded backend, cannot stop
 * when the browser leaves, and passes fal's headers through. We keep its header name and route, and
 * the policy, forwarding and answers are ours (fal-protocol.md §6).
 */
import { DEFAULT_PROXY_ROUTE, TARGET_URL_HEADER } from "@fal-ai/server-proxy";
import { embeddedBackend, EMBEDDED_BASE_PATH } from "@/lib/emulator/embedded";
import type { FalBackend } from "@/lib/emulator/backend";
import { forwardedFalHeaders, checkTarget, isRefusal } from "./policy";
import { rebuildResponse, upstreamHeaders, upstreamSignal, UPSTREAM_TIMEOUT_MS } from "./forward";
import { MAX_JSON_BODY_BYTES, readJsonBody } from "./read-body";
import { PROXY_ERROR_TYPES, proxyError } from "./refusal";
import { modeOf, serverEnv, type ServerEnv } from "./server-env";
import { rebaseFalUrl } from "./upstream";

export const PROXY_ROUTE = DEFAULT_PROXY_ROUTE;

export interface ProxyOptions {
  /** Defaults to this process's validated environment. */
  env?: ServerEnv;
  /** The backend used in demo mode; defaults to the app's embedded one. */
  demoBackend?: () => FalBackend;
}

export function createProxyHandler(options: ProxyOptions = {}) {
  return async function proxy(request: Request): Promise<Response> {
    const env = options.env ?? serverEnv();
    const call = checkTarget(request.method, request.headers.get(TARGET_URL_HEADER));
    if (isRefusal(call)) return proxyError(call.status, call.detail);

    let body: string | undefined;
    if (call.kind === "submit" || call.kind === "initiate" || call.kind === "initiate-multipart") {
      const read = await readJsonBody(request);
      if (!read.ok && read.reason === "too-large") {
        return proxyError(
          413,
          `Request body is larger than ${MAX_JSON_BODY_BYTES / 1_000_000} MB. Upload images to fal storage and send their URLs instead of inline data.`,
        );
      }
      if (!read.ok) return proxyError(400, "Request body is not valid JSON.");
      body = read.text || undefined;
    }

    // The client's own Authorization header is never read: only the server's key is used.
    const live = modeOf(env) === "live";
    const headers = upstreamHeaders(
      call,
      forwardedFalHeaders(request.headers),
      live ? `Key ${env.falKey}` : undefined,
    );
    const backend = live ? undefined : (options.demoBackend ?? embeddedBackend)();
    const target = !live
      ? rebaseFalUrl(call, `${new URL(request.url).origin}${EMBEDDED_BASE_PATH}`)
      : env.upstreamUrl
        ? rebaseFalUrl(call, env.upstreamUrl)
        : call.url.toString();
    const upstreamRequest = new Request(target, {
      method: request.method.toUpperCase(),
      headers,
      body,
      signal: upstreamSignal(call, request.signal),
    });

    try {
      const answer = backend ? await backend.handle(upstreamRequest) : await fetch(upstreamRequest);
      return rebuildResponse(answer, call);
    } catch (error) {
      if (request.signal.aborted) return new Response(null, { status: 499 });
      if ((error as Error).name === "TimeoutError") {
        return proxyError(
          504,
          `fal did not answer within ${UPSTREAM_TIMEOUT_MS / 1000} s. Try again; a submitted run keeps going on fal.`,
          PROXY_ERROR_TYPES.timeout,
        );
      }
      const cause =
        (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      return proxyError(
        502,
        `Could not reach fal (${cause}). Check the server's network and try again.`,
        PROXY_ERROR_TYPES.unreachable,
      );
    }
  };
}
