/** Where an allowed call goes: fal itself, a fal-compatible base URL, or the embedded backend. */
import type { AllowedCall } from "./policy";

/**
 * Maps a fal URL onto a fal-compatible base, keeping path and query:
 * `https://queue.fal.run/<path>` → `<base>/<path>`, `https://rest.fal.ai/storage/<…>` → `<base>/storage/<…>`.
 */
export function rebaseFalUrl(call: AllowedCall, base: string): string {
  return `${base.replace(/\/+$/, "")}${call.url.pathname}${call.url.search}`;
}
