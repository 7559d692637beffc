/**
 * Every failure the browser can meet, mapped once into words a user understands. fal puts its
 * text in `body.detail` (a string or a list of field errors), not in `message`.
 */
import { ApiError, ValidationError } from "@fal-ai/client";
import type { FieldError } from "@/lib/endpoint";
import { PROXY_ERROR_TYPES } from "@/lib/proxy/refusal";

export interface UserFacingError {
  title: string;
  message: string;
  /** Field errors from a 422, keyed by the field they name. */
  fields?: Record<string, string>;
  /** Whether trying again could help. */
  retryable: boolean;
}

/**
 * The proxy's answers that stay the same however often they are asked: who may run, and the
 * limits. (Its `proxy_upstream_*` answers are fal being away, which waiting can fix.)
 */
export const FINAL_PROXY_ERROR_TYPES = [
  PROXY_ERROR_TYPES.refused,
  PROXY_ERROR_TYPES.unauthenticated,
  PROXY_ERROR_TYPES.notConfigured,
  PROXY_ERROR_TYPES.rateLimited,
  PROXY_ERROR_TYPES.budgetExhausted,
  PROXY_ERROR_TYPES.limitsUnavailable,
] as const;
export type FinalProxyErrorType = (typeof FINAL_PROXY_ERROR_TYPES)[number];

export function isFinalProxyErrorType(type: unknown): type is FinalProxyErrorType {
  return (FINAL_PROXY_ERROR_TYPES as readonly unknown[]).includes(type);
}

export interface ProxyRefusalBody {
  detail: string;
  error_type: FinalProxyErrorType;
  /** When a limit lets runs through again (ISO time), for the rate and budget refusals. */
  resets_at?: string;
}

/**
 * Our proxy said no, for a reason that will not change within seconds. Deliberately not an
 * ApiError: @fal-ai/client retries ApiErrors with 429/502/503/504 for about 7 s, and the user
 * should hear at once that they are signed out, locked out or over a limit.
 */
export class ProxyRefusalError extends Error {
  override readonly name = "ProxyRefusalError";

  constructor(
    readonly status: number,
    readonly body: ProxyRefusalBody,
  ) {
    super(body.detail);
  }

  get errorType(): FinalProxyErrorType {
    return this.body.error_type;
  }
}

/** The final refusal a response carries (by its `x-fal-error-type` header), or null. */
export async function readProxyRefusal(response: Response): Promise<ProxyRefusalError | null> {
  const type = response.headers.get("x-fal-error-type");
  if (response.ok || !isFinalProxyErrorType(type)) return null;
  const body = (await response.json().catch(() => ({}))) as Partial<ProxyRefusalBody>;
  return new ProxyRefusalError(response.status, {
    detail:
      typeof body.detail === "string" ? body.detail : `The proxy answered ${response.status}.`,
    error_type: type,
    ...(typeof body.resets_at === "string" && { resets_at: body.resets_at }),
  });
}

/**
 * The final proxy refusal behind an error, whichever way it arrived: a ProxyRefusalError, or an
 * ApiError from a status stream (the client reads those responses itself).
 */
export function proxyRefusalTypeOf(error: unknown): FinalProxyErrorType | undefined {
  if (error instanceof ProxyRefusalError) return error.errorType;
  if (error instanceof ApiError) {
    const type = (error.body as { error_type?: unknown } | undefined)?.error_type;
    if (isFinalProxyErrorType(type)) return type;
  }
  return undefined;
}

const SIGN_IN_AGAIN = "Reload the page to sign in again.";

/** Titles for the proxy's own refusals; the proxy's detail is already written for users. */
function proxyRefusal(type: FinalProxyErrorType, detail: string): UserFacingError {
  switch (type) {
    case "proxy_unauthenticated":
      return {
        title: "Sign in again",
        message: /reload/i.test(detail) ? detail : `${detail} ${SIGN_IN_AGAIN}`,
        // After signing in, the same run can go.
        retryable: true,
      };
    case "proxy_not_configured":
      return { title: "This deployment is locked", message: detail, retryable: false };
    case "proxy_rate_limited":
      return { title: "Too many runs this minute", message: detail, retryable: true };
    case "proxy_budget_exhausted":
      return { title: "Not enough budget left today", message: detail, retryable: true };
    case "proxy_limits_unavailable":
      return { title: "Limits unavailable", message: detail, retryable: true };
    case "proxy_refused":
      return { title: "Blocked by this app's proxy", message: detail, retryable: false };
  }
}

function detailText(detail: unknown): string | undefined {
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return (detail as FieldError[])
      .map((d) => `${d.loc?.filter((p) => p !== "body").join(".") || "input"}: ${d.msg}`)
      .join("; ");
  }
  return undefined;
}

export function toUserFacingError(error: unknown): UserFacingError {
  if (error instanceof ProxyRefusalError) return proxyRefusal(error.errorType, error.body.detail);
  if (error instanceof ValidationError) {
    const fields: Record<string, string> = {};
    for (const fieldError of error.fieldErrors) {
      const name = String(
        fieldError.loc[1] ?? fieldError.loc[fieldError.loc.length - 1] ?? "input",
      );
      fields[name] ??= fieldError.msg;
    }
    return {
      title: "fal rejected the input",
      message: detailText(error.body?.detail) ?? error.message,
      fields,
      retryable: false,
    };
  }
  if (error instanceof ApiError) {
    const body = (error.body ?? {}) as { detail?: unknown; error_type?: string };
    const detail = detailText(body.detail) ?? error.message;
    const type = body.error_type ?? "";
    if (isFinalProxyErrorType(type)) return proxyRefusal(type, detail);
    if (type.startsWith("proxy_")) {
      return { title: "Could not reach fal", message: detail, retryable: true };
    }
    switch (error.status) {
      case 401:
        return {
          title: "The fal key is invalid",
          message: `${detail}. The owner of this deployment needs to set a valid FAL_KEY.`,
          retryable: false,
        };
      case 403:
        return { title: "fal refused the run", message: detail, retryable: false };
      case 429:
        return {
          title: "Too many runs at once",
          message: `${detail} Wait a moment and try again.`,
          retryable: true,
        };
      case 400:
        if (type === "request_cancelled")
          return { title: "Cancelled", message: detail, retryable: true };
        return { title: "fal could not run this request", message: detail, retryable: true };
      default:
        return {
          title:
            error.status >= 500 ? "fal had a problem running this" : `fal answered ${error.status}`,
          message: type ? `${detail} (${type})` : detail,
          retryable: true,
        };
    }
  }
  if (error instanceof TypeError) {
    return {
      title: "Network problem",
      message: "The connection dropped. Check that you are online, then try again.",
      retryable: true,
    };
  }
  return {
    title: "Something went wrong",
    message: error instanceof Error ? error.message : String(error),
    retryable: true,
  };
}
