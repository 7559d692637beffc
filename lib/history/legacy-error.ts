/**
 * Runs saved before version 2 of the history kept their error as words (`{title, message}`). They
 * are rewritten with the code those words stood for, so they display and behave as before (a run
 * was "cancelled" when its title said so). The titles are every one the old mapping could write.
 */
import type { RunError, RunErrorCode } from "@/lib/runs/run-error";

export interface LegacyError {
  title: string;
  message: string;
  fields?: Record<string, string>;
  retryable?: boolean;
}

const CODE_OF_TITLE: Record<string, RunErrorCode> = {
  "Sign in again": "proxy_unauthenticated",
  "This deployment is locked": "proxy_not_configured",
  "Too many runs this minute": "proxy_rate_limited",
  "Not enough budget left today": "proxy_budget_exhausted",
  "Limits unavailable": "proxy_limits_unavailable",
  "Blocked by this app's proxy": "proxy_refused",
  "Could not reach fal": "proxy_upstream_unreachable",
  "fal rejected the input": "fal_invalid_input",
  "The fal key is invalid": "fal_bad_key",
  "fal refused the run": "fal_refused",
  "Too many runs at once": "fal_rate_limited",
  Cancelled: "fal_cancelled",
  "fal could not run this request": "fal_request_failed",
  "fal had a problem running this": "fal_failed",
  "Network problem": "network",
  "Interrupted while submitting": "interrupted",
};

// Suffixes the old mapping appended to fal's detail; the new words add them again.
const ADDED_SUFFIXES: Partial<Record<RunErrorCode, RegExp>> = {
  fal_bad_key: /\. The owner of this deployment needs to set a valid FAL_KEY\.$/,
  fal_rate_limited: / Wait a moment and try again\.$/,
};

export function isLegacyError(error: unknown): error is LegacyError {
  return (
    typeof error === "object" &&
    error !== null &&
    !("code" in error) &&
    typeof (error as { title?: unknown }).title === "string"
  );
}

/** The code-and-detail form of an error saved as words. */
export function fromLegacyError(old: LegacyError): RunError {
  const answered = /^fal answered (\d{3})$/.exec(old.title);
  // Own keys only: a title such as "__proto__" names no code.
  const code = Object.hasOwn(CODE_OF_TITLE, old.title)
    ? CODE_OF_TITLE[old.title]!
    : answered
      ? "fal_failed"
      : "unknown";
  const suffix = ADDED_SUFFIXES[code];
  return {
    code,
    detail: suffix ? old.message.replace(suffix, "") : old.message,
    ...(old.fields && { fields: old.fields }),
    ...(answered && { status: Number(answered[1]) }),
    ...(code === "fal_failed" && !answered && { status: 500 }),
  };
}
