/** The proxy's own errors, in fal's `{"detail": …}` shape so the client raises an ApiError. */
import { PROXY_ERROR_TYPES, type ProxyErrorType } from "./error-types";

export { PROXY_ERROR_TYPES, type ProxyErrorType } from "./error-types";

export function proxyError(
  status: number,
  detail: string,
  errorType: ProxyErrorType = PROXY_ERROR_TYPES.refused,
  resetsAt?: Date,
): Response {
  const headers: Record<string, string> = {
    "cache-control": "no-store",
    "x-fal-error-type": errorType,
  };
  if (resetsAt) {
    headers["retry-after"] = String(
      Math.max(1, Math.ceil((resetsAt.getTime() - Date.now()) / 1000)),
    );
  }
  return Response.json(
    { detail, error_type: errorType, ...(resetsAt && { resets_at: resetsAt.toISOString() }) },
    { status, headers },
  );
}

/** Live mode with neither a password nor the public opt-in: the key is never spent. */
export const NOT_CONFIGURED_DETAIL =
  "This deployment has a fal key but no access password, so it refuses to spend the key. The owner should set ACCESS_PASSWORD (recommended), or ALLOW_PUBLIC_ACCESS=true to let anyone with the link run it, then redeploy.";

export const UNAUTHENTICATED_DETAIL =
  "Sign in to use this playground: your session is missing or has expired. Reload the page to sign in again.";

/**
 * The limit store cannot answer: runs fail closed. The visitor learns why in general terms; the
 * store's own message (which names its host) goes to the server log, for the owner only.
 */
export function limitsUnavailable(error: Error): Response {
  console.error(`Limits unavailable, runs refused: ${error.message}`);
  return proxyError(
    503,
    "Runs are paused because the limit counters (Redis) cannot be reached right now. This protects the fal key from unlimited spending. Try again in a minute; the owner can see why on /setup and in the server log (REDIS_URL).",
    PROXY_ERROR_TYPES.limitsUnavailable,
  );
}
