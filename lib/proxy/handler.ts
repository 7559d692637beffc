/**
 * The fal proxy behind `/api/fal/proxy`: the browser's real `@fal-ai/client` talks to it, and it
 * relays only the playground's own calls, with the server's key, to fal or a fal-compatible backend.
 * Each call goes through five steps: target (is it one of ours?) → gate (may this visitor use the
 * key?) → body (is the input valid, and what exactly goes on?) → admit (do the limits allow it?)
 * → forward.
 *
 * Why not `handleRequest` from @fal-ai/server-proxy: it calls the global `fetch` on the target URL
 * with no abort signal, so it cannot honour FAL_UPSTREAM_URL or the embedded backend, cannot stop
 * when the browser leaves, and passes fal's headers through. We keep its header name and route, and
 * the policy, forwarding and answers are ours (fal-protocol.md §6).
 */
import { DEFAULT_PROXY_ROUTE, TARGET_URL_HEADER } from "@fal-ai/server-proxy";
import { gateApiCall } from "@/lib/access/require-session";
import type { FalBackend } from "@/lib/emulator/backend";
import { embeddedBackend, EMBEDDED_BASE_PATH } from "@/lib/emulator/embedded";
import { appLimiter } from "@/lib/limits/app-limiter";
import { clientKey } from "@/lib/limits/client-identity";
import { createLimiter, type Limiter } from "@/lib/limits/limiter";
import { createMemoryStore } from "@/lib/limits/memory-store";
import { accessPolicy, modeOf, serverEnv, type ServerEnv } from "@/lib/server-env";
import { admitCall } from "./admission";
import { checkCallBody } from "./call-body";
import { DEFAULT_TIMEOUTS, forward, type Timeouts, type Upstream } from "./forward";
import { checkTarget, forwardedFalHeaders, isRefusal, type AllowedCall } from "./policy";
import { NOT_CONFIGURED_DETAIL, PROXY_ERROR_TYPES, proxyError } from "./refusal";
import { browserOrigin, rebaseFalUrl } from "./upstream";

export const PROXY_ROUTE = DEFAULT_PROXY_ROUTE;

export interface ProxyOptions {
  /** Defaults to this process's validated environment. */
  env?: ServerEnv;
  /** The backend used in demo mode; defaults to the app's embedded one. */
  demoBackend?: () => FalBackend;
  /** The run limits; defaults to the process's shared limiter (or, with `env`, one of its own). */
  limiter?: () => Limiter;
  /** How long upstream calls may take; tests shorten them. */
  timeouts?: Timeouts;
}

export function createProxyHandler(options: ProxyOptions = {}) {
  let own: Limiter | undefined;
  const limiterOf =
    options.limiter ??
    (options.env
      ? () => (own ??= createLimiter(options.env!.limits, createMemoryStore()))
      : appLimiter);
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;

  return async function proxy(request: Request): Promise<Response> {
    const env = options.env ?? serverEnv();

    const call = checkTarget(request.method, request.headers.get(TARGET_URL_HEADER));
    if (isRefusal(call)) return proxyError(call.status, call.detail);

    const shut = await gate(request, env);
    if (shut) return shut;

    const checked = await checkCallBody(request, call);
    if (!checked.ok) return checked.response;

    const client = clientKey(request.headers, env);
    const admission = await admitCall(call, checked.input, client, limiterOf());
    if (!admission.ok) return admission.response;

    return forward({
      call,
      upstream: upstreamFor(call, request, env, client, options.demoBackend ?? embeddedBackend),
      falHeaders: forwardedFalHeaders(request.headers, call.kind),
      body: checked.body,
      clientSignal: request.signal,
      timeouts,
      release: admission.release,
    });
  };
}

/** Whether this visitor may spend the key: a closed deployment refuses all, a gated one needs a session. */
async function gate(request: Request, env: ServerEnv): Promise<Response | null> {
  if (accessPolicy(env) === "closed") {
    return proxyError(503, NOT_CONFIGURED_DETAIL, PROXY_ERROR_TYPES.notConfigured);
  }
  return gateApiCall(request, env);
}

/**
 * fal itself, FAL_UPSTREAM_URL, or (demo mode) the embedded backend, told this call's public base
 * and client. The client's own Authorization header is never read: only the server's key is used.
 */
function upstreamFor(
  call: AllowedCall,
  request: Request,
  env: ServerEnv,
  client: string,
  demoBackend: () => FalBackend,
): Upstream {
  if (modeOf(env) === "demo") {
    const publicBase = `${browserOrigin(request)}${EMBEDDED_BASE_PATH}`;
    return {
      kind: "embedded",
      backend: demoBackend(),
      url: rebaseFalUrl(call, publicBase),
      context: { publicBase, client },
    };
  }
  return {
    kind: "network",
    url: env.upstreamUrl ? rebaseFalUrl(call, env.upstreamUrl) : call.url.toString(),
    authorization: `Key ${env.falKey}`,
  };
}
