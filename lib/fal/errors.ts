/**
 * Every failure the browser can meet, mapped once, at the edge, into a RunError: a code and the
 * sentence fal or the proxy sent. fal puts its text in `body.detail` (a string or a list of field
 * errors), not in `message`. Words for the user come later, from describeError.
 */
import type { ApiError, ValidationError } from "@fal-ai/client";
import type { FieldError } from "@/lib/endpoint";
import {
  PROXY_ERROR_TYPES,
  isFinalProxyErrorType,
  isTransientProxyErrorType,
  type FinalProxyErrorType,
  type ProxyErrorType,
} from "@/lib/proxy/error-types";
import { APP_ERRORS, type RunError } from "@/lib/runs/run-error";

export {
  FINAL_PROXY_ERROR_TYPES,
  isFinalProxyErrorType,
  type FinalProxyErrorType,
} from "@/lib/proxy/error-types";

/**
 * fal's ApiError (or its ValidationError), told by name: @fal-ai/client loads only when a run or
 * an upload starts (lib/fal/page-calls.ts), so checking its classes here would load it with the
 * page; a name also holds across duplicate bundles. Both set `name` in their constructors.
 */
export function isFalApiError(error: unknown): error is ApiError<unknown> {
  return (
    error instanceof Error &&
    (error.name === "ApiError" || error.name === "ValidationError") &&
    typeof (error as { status?: unknown }).status === "number"
  );
}

function isFalValidationError(error: unknown): error is ValidationError {
  return isFalApiError(error) && error.name === "ValidationError";
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

/**
 * A submit that did not succeed, said once and never retried by the client: after a gateway
 * error or a dropped connection the run may have started on fal, and only the user's click may
 * send it again. `status` is 0 when no answer came back at all.
 */
export class SubmitError extends Error {
  override readonly name = "SubmitError";

  constructor(
    readonly status: number,
    readonly body: { detail?: unknown; error_type?: unknown } | undefined,
  ) {
    super(typeof body?.detail === "string" ? body.detail : `The submit answered ${status}.`);
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
  if (isFalApiError(error)) {
    const type = (error.body as { error_type?: unknown } | undefined)?.error_type;
    if (isFinalProxyErrorType(type)) return type;
  }
  return undefined;
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

/** What an HTTP answer from fal (not our proxy) means, by its status and error type. */
function falAnswer(status: number, detail: string, falType: string | undefined): RunError {
  const base = { detail, status, ...(falType && { falType }) };
  if (falType === "request_cancelled") return { code: "fal_cancelled", ...base };
  switch (status) {
    case 401:
      return { code: "fal_bad_key", ...base };
    case 403:
      return { code: "fal_refused", ...base };
    case 429:
      return { code: "fal_rate_limited", ...base };
    case 400:
      return { code: "fal_request_failed", ...base };
    default:
      return { code: "fal_failed", ...base };
  }
}

/** Maps anything thrown while talking to fal into a RunError. */
export function toRunError(error: unknown): RunError {
  if (error instanceof ProxyRefusalError) {
    return { code: error.errorType, detail: error.body.detail, status: error.status };
  }
  if (error instanceof SubmitError) {
    const type = error.body?.error_type;
    const detail = detailText(error.body?.detail) ?? error.message;
    if (type === PROXY_ERROR_TYPES.unreachable) {
      // The proxy could not reach fal at all: nothing started.
      return { code: type, detail, status: error.status };
    }
    if (error.status === 0 || error.status >= 500) {
      return {
        code: "submit_unconfirmed",
        status: error.status || undefined,
        detail:
          error.status === 0
            ? "The connection dropped before fal confirmed this run. It may have started, but it cannot be followed from here. Retry only if you want to run it again."
            : `fal did not confirm this run (${detail}). It may still have started. Retry only if you want to run it again.`,
      };
    }
    return falAnswer(error.status, detail, typeof type === "string" ? type : undefined);
  }
  if (isFalValidationError(error)) {
    const fields: Record<string, string> = {};
    for (const fieldError of error.fieldErrors) {
      const name = String(
        fieldError.loc[1] ?? fieldError.loc[fieldError.loc.length - 1] ?? "input",
      );
      fields[name] ??= fieldError.msg;
    }
    return {
      code: "fal_invalid_input",
      detail: detailText(error.body?.detail) ?? error.message,
      fields,
      status: 422,
    };
  }
  if (isFalApiError(error)) {
    const body = (error.body ?? {}) as { detail?: unknown; error_type?: string };
    const detail = detailText(body.detail) ?? error.message;
    const type = body.error_type;
    if (isFinalProxyErrorType(type) || isTransientProxyErrorType(type)) {
      return { code: type as ProxyErrorType, detail, status: error.status };
    }
    return falAnswer(error.status, detail, type);
  }
  if (error instanceof TypeError) return { ...APP_ERRORS.network };
  return { code: "unknown", detail: error instanceof Error ? error.message : String(error) };
}
