/**
 * Relaying one allowed call: the request is built from checked parts only, and the answer is
 * rebuilt rather than passed through, so no upstream cookie, encoding or stray header leaks out.
 */
import type { AllowedCall } from "./policy";

/** Answer headers worth keeping: what the client reads, and fal's error details. */
const KEPT_RESPONSE_HEADERS = [
  "content-type",
  "x-fal-request-id",
  "x-fal-error-type",
  "x-fal-request-timeout-type",
  "x-fal-billable-units",
  "retry-after",
] as const;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Non-streaming calls that take longer than this are given up on. */
export const UPSTREAM_TIMEOUT_MS = 60_000;

export function upstreamHeaders(
  call: AllowedCall,
  falHeaders: Record<string, string>,
  authorization?: string,
): Headers {
  const headers = new Headers({
    ...falHeaders,
    accept: call.kind === "stream" ? "text/event-stream" : "application/json",
    "user-agent": "hidream-edit-playground-proxy",
  });
  if (call.kind === "submit" || call.kind === "initiate" || call.kind === "initiate-multipart") {
    headers.set("content-type", "application/json");
  }
  if (authorization) headers.set("authorization", authorization);
  return headers;
}

/** The client gets status, body (streamed as it arrives) and the kept headers; never cached. */
export function rebuildResponse(upstream: Response, call: AllowedCall): Response {
  const headers = new Headers({ "cache-control": "no-store" });
  for (const name of KEPT_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (call.kind === "stream") headers.set("x-accel-buffering", "no");
  const body = NULL_BODY_STATUSES.has(upstream.status) ? null : upstream.body;
  return new Response(body, { status: upstream.status, statusText: upstream.statusText, headers });
}

/** The abort signal for the upstream call: the client leaving, or (not for streams) a timeout. */
export function upstreamSignal(call: AllowedCall, clientSignal: AbortSignal): AbortSignal {
  return call.kind === "stream"
    ? clientSignal
    : AbortSignal.any([clientSignal, AbortSignal.timeout(UPSTREAM_TIMEOUT_MS)]);
}
