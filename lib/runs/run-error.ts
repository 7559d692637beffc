/**
 * What went wrong with a run, stored as a code and fal's (or the proxy's) own detail, and turned
 * into words only when shown. Nothing decides on the words: code decides, so a title can be
 * reworded without changing what the app does, and records in IndexedDB stay meaningful.
 */
import {
  PROXY_ERROR_TYPES,
  type FinalProxyErrorType,
  type ProxyErrorType,
} from "@/lib/proxy/error-types";

export type RunErrorCode =
  | ProxyErrorType
  /** fal's 422: the input was refused; `fields` says where. */
  | "fal_invalid_input"
  | "fal_bad_key"
  | "fal_refused"
  | "fal_rate_limited"
  | "fal_cancelled"
  /** Any other 4xx from fal about this request. */
  | "fal_request_failed"
  /** fal ran the job and it failed (5xx, or another status with `falType`). */
  | "fal_failed"
  /** A submit whose answer never came back, or came back as a gateway error: it may have run. */
  | "submit_unconfirmed"
  | "network"
  /** The page closed before fal confirmed the submit. */
  | "interrupted"
  | "unknown";

export interface RunError {
  code: RunErrorCode;
  /** The sentence fal or the proxy sent (or ours, for the codes the app raises itself). */
  detail: string;
  /** Field errors from a 422, keyed by the field they name. */
  fields?: Record<string, string>;
  /** The HTTP status, where there was one. */
  status?: number;
  /** fal's `error_type`, where it sent one. */
  falType?: string;
}

export interface ErrorWords {
  title: string;
  message: string;
  /** Whether trying again could help (the Retry button). */
  retryable: boolean;
}

const SIGN_IN_AGAIN = "Reload the page to sign in again.";

/** The words for a run's error: the one place codes become titles and messages. */
export function describeError(error: RunError): ErrorWords {
  const { detail } = error;
  const words = (title: string, retryable: boolean, message = detail) => ({
    title,
    message,
    retryable,
  });
  switch (error.code) {
    case "proxy_unauthenticated":
      // After signing in, the same run can go.
      return words(
        "Sign in again",
        true,
        /reload/i.test(detail) ? detail : `${detail} ${SIGN_IN_AGAIN}`,
      );
    case "proxy_not_configured":
      return words("This deployment is locked", false);
    case "proxy_rate_limited":
      return words("Too many runs this minute", true);
    case "proxy_budget_exhausted":
      return words("Not enough budget left today", true);
    case "proxy_limits_unavailable":
      return words("Limits unavailable", true);
    case "proxy_refused":
      return words("Blocked by this app's proxy", false);
    case "proxy_submit_unconfirmed":
    case "submit_unconfirmed":
      return words("fal did not confirm this run", true);
    case "proxy_upstream_unreachable":
    case "proxy_upstream_timeout":
      return words("Could not reach fal", true);
    case "fal_invalid_input":
      return words("fal rejected the input", false);
    case "fal_bad_key":
      return words(
        "The fal key is invalid",
        false,
        `${detail}. The owner of this deployment needs to set a valid FAL_KEY.`,
      );
    case "fal_refused":
      return words("fal refused the run", false);
    case "fal_rate_limited":
      return words("Too many runs at once", true, `${detail} Wait a moment and try again.`);
    case "fal_cancelled":
      return words("Cancelled", true);
    case "fal_request_failed":
      return words("fal could not run this request", true);
    case "fal_failed": {
      const status = error.status ?? 500;
      const title = status >= 500 ? "fal had a problem running this" : `fal answered ${status}`;
      return words(title, true, error.falType ? `${detail} (${error.falType})` : detail);
    }
    case "network":
      return words("Network problem", true);
    case "interrupted":
      return words("Interrupted while submitting", true);
    case "unknown":
      return words("Something went wrong", true);
  }
  // A code this version does not know (an imported record from elsewhere): said as unknown.
  return words("Something went wrong", true);
}

/** The app's own errors, which no server sent. */
export const APP_ERRORS = {
  interrupted: {
    code: "interrupted",
    detail:
      "The page closed before fal confirmed this run, so it may not have started. Retry to run it again.",
  },
  network: {
    code: "network",
    detail: "The connection dropped. Check that you are online, then try again.",
  },
} as const satisfies Record<string, RunError>;

/** The proxy refusals that mean the app lost its way to fal, not that the run failed. */
export function losesTheWayToFal(code: RunErrorCode): boolean {
  return code === PROXY_ERROR_TYPES.unauthenticated || code === PROXY_ERROR_TYPES.notConfigured;
}

export type { FinalProxyErrorType };
