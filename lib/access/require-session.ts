/** The API side of the gate: a 401 in fal's error shape when a session is required and missing. */
import { PROXY_ERROR_TYPES, proxyError, UNAUTHENTICATED_DETAIL } from "@/lib/proxy/refusal";
import { accessPolicy, type ServerEnv } from "@/lib/server-env";
import { openSession, sessionCookieOf } from "./session";

/** null when the request may go on; otherwise the answer to send. */
export async function refuseWithoutSession(
  request: Request,
  env: ServerEnv,
): Promise<Response | null> {
  if (accessPolicy(env) !== "password") return null;
  if (await openSession(env, sessionCookieOf(request.headers))) return null;
  return proxyError(401, UNAUTHENTICATED_DETAIL, PROXY_ERROR_TYPES.unauthenticated);
}
