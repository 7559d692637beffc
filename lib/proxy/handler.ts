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
import { refuseWithoutSession } from "@/lib/access/require-session";
import { appLimiter } from "@/lib/limits/app-limiter";
import { clientKey } from "@/lib/limits/client-identity";
import { CounterStoreUnavailable } from "@/lib/limits/counter-store";
import { createLimiter, type Admission, type Limiter } from "@/lib/limits/limiter";
import { createMemoryStore } from "@/lib/limits/memory-store";
import { maxRunCostUsd } from "@/lib/limits/run-cost";
import { limitsUnavailable, NOT_CONFIGURED_DETAIL, PROXY_ERROR_TYPES, proxyError } from "./refusal";
import { accessPolicy, modeOf, serverEnv, type ServerEnv } from "./server-env";
import { browserOrigin, rebaseFalUrl } from "./upstream";

export const PROXY_ROUTE = DEFAULT_PROXY_ROUTE;

export interface ProxyOptions {
  /** Defaults to this process's validated environment. */
  env?: ServerEnv;
  /** The backend used in demo mode; defaults to the app's embedded one. */
  demoBackend?: () => FalBackend;
  /** The run limits; defaults to the process's shared limiter (or, with `env`, one of its own). */
  limiter?: () => Limiter;
}

export function createProxyHandler(options: ProxyOptions = {}) {
  let own: Limiter | undefined;
  const limiterOf =
    options.limiter ??
    (options.env
      ? () => (own ??= createLimiter(options.env!.limits, createMemoryStore()))
      : appLimiter);
  return async function proxy(request: Request): Promise<Response> {
    const env = options.env ?? serverEnv();
    const call = checkTarget(request.method, request.headers.get(TARGET_URL_HEADER));
    if (isRefusal(call)) return proxyError(call.status, call.detail);

    const access = accessPolicy(env);
    if (access === "closed") {
      return proxyError(503, NOT_CONFIGURED_DETAIL, PROXY_ERROR_TYPES.notConfigured);
    }
    const refusal = await refuseWithoutSession(request, env);
    if (refusal) return refusal;

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

    // A run is admitted (and its most possible cost reserved) before fal ever sees it.
    let admission: Admission | undefined;
    if (call.kind === "submit") {
      const limiter = limiterOf();
      try {
        admission = await limiter.admitRun(
          clientKey(request.headers, env),
          maxRunCostUsd(body ? JSON.parse(body) : {}),
        );
      } catch (error) {
        if (!(error instanceof CounterStoreUnavailable)) throw error;
        return limitsUnavailable(error);
      }
      if (!admission.ok) {
        return proxyError(429, admission.detail, admission.errorType, admission.resetsAt);
      }
    }
    // fal refused the run (422, 401, 403…) or it never left: it costs nothing, so give it back.
    const release = () => (admission?.ok ? admission.release().catch(() => {}) : undefined);

    // The client's own Authorization header is never read: only the server's key is used.
    const live = modeOf(env) === "live";
    const headers = upstreamHeaders(
      call,
      forwardedFalHeaders(request.headers),
      live ? `Key ${env.falKey}` : undefined,
    );
    const backend = live ? undefined : (options.demoBackend ?? embeddedBackend)();
    const target = !live
      ? rebaseFalUrl(call, `${browserOrigin(request)}${EMBEDDED_BASE_PATH}`)
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
      if (!answer.ok) await release();
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
      // A timed-out submit may have started on fal, so only an unreachable upstream gives back.
      await release();
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
