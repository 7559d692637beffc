/**
 * The API side of the gate, which every API route but the public ones calls first: calls from
 * another site's pages are refused (lib/security/cross-site.ts), and when a session is required
 * and missing, a 401 in fal's error shape.
 */
import { PROXY_ERROR_TYPES, proxyError, UNAUTHENTICATED_DETAIL } from "@/lib/proxy/refusal";
import { browserOrigin } from "@/lib/proxy/upstream";
import { CROSS_SITE_DETAIL, isCrossSite } from "@/lib/security/cross-site";
import { accessPolicy, type ServerEnv } from "@/lib/server-env";
import { openSession, sessionCookieOf } from "./session";

/** null when the request may go on; otherwise the answer to send. */
export async function gateApiCall(request: Request, env: ServerEnv): Promise<Response | null> {
  if (isCrossSite(request.headers, browserOrigin(request))) {
    return proxyError(403, CROSS_SITE_DETAIL);
  }
  if (accessPolicy(env) !== "password") return null;
  if (await openSession(env, sessionCookieOf(request.headers))) return null;
  return proxyError(401, UNAUTHENTICATED_DETAIL, PROXY_ERROR_TYPES.unauthenticated);
}
