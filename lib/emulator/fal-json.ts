/** Answers in fal's shapes: JSON with `content-type: application/json`, errors as `{detail}`. */

export const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, OPTIONS",
  "access-control-allow-headers":
    "authorization, content-type, accept, x-fal-*, x-fal-target-url, x-fal-queue-priority, x-fal-runner-hint, x-fal-request-timeout, x-fal-object-lifecycle-preference, x-fal-object-lifecycle",
  "access-control-expose-headers": "x-fal-request-id, x-fal-error-type, x-fal-request-timeout-type",
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...CORS_HEADERS, ...headers },
  });
}

/** fal's error body: `{"detail": …}`, with `error_type` and its header when there is one. */
export function falError(
  status: number,
  detail: unknown,
  errorType?: string,
  headers: Record<string, string> = {},
): Response {
  const body = errorType ? { detail, error_type: errorType } : { detail };
  return json(body, status, errorType ? { "x-fal-error-type": errorType, ...headers } : headers);
}
