/** Where an allowed call goes: fal itself, a fal-compatible base URL, or the embedded backend. */
import type { AllowedCall } from "./policy";

/**
 * Maps a fal URL onto a fal-compatible base, keeping path and query:
 * `https://queue.fal.run/<path>` → `<base>/<path>`, `https://rest.fal.ai/storage/<…>` → `<base>/storage/<…>`.
 */
export function rebaseFalUrl(call: AllowedCall, base: string): string {
  return `${base.replace(/\/+$/, "")}${call.url.pathname}${call.url.search}`;
}

const HOST = /^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i;

/**
 * The origin the browser used, for the embedded backend's upload and file URLs: they must be
 * same-origin for the page's CSP. A route handler's `request.url` names the server's own
 * hostname (`localhost`), so the Host header (or the platform's forwarded one) is preferred.
 */
export function browserOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.slice(0, -1);
  if (host && HOST.test(host) && (proto === "http" || proto === "https"))
    return `${proto}://${host}`;
  return url.origin;
}
