/**
 * Every failure the browser can meet, mapped once into words a user understands. fal puts its
 * text in `body.detail` (a string or a list of field errors), not in `message`.
 */
import { ApiError, ValidationError } from "@fal-ai/client";
import type { FieldError } from "@/lib/endpoint";

export interface UserFacingError {
  title: string;
  message: string;
  /** Field errors from a 422, keyed by the field they name. */
  fields?: Record<string, string>;
  /** Whether trying again could help. */
  retryable: boolean;
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
    if (type.startsWith("proxy_")) {
      return {
        title: type === "proxy_refused" ? "Blocked by this app's proxy" : "Could not reach fal",
        message: detail,
        retryable: type !== "proxy_refused",
      };
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
