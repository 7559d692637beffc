/** The proxy's own errors, in fal's `{"detail": …}` shape so the client raises an ApiError. */

/** `error_type` values the proxy itself produces, so the UI can tell them from fal's errors. */
export const PROXY_ERROR_TYPES = {
  refused: "proxy_refused",
  unreachable: "proxy_upstream_unreachable",
  timeout: "proxy_upstream_timeout",
} as const;
export type ProxyErrorType = (typeof PROXY_ERROR_TYPES)[keyof typeof PROXY_ERROR_TYPES];

export function proxyError(
  status: number,
  detail: string,
  errorType: ProxyErrorType = PROXY_ERROR_TYPES.refused,
): Response {
  return Response.json(
    { detail, error_type: errorType },
    { status, headers: { "cache-control": "no-store", "x-fal-error-type": errorType } },
  );
}
