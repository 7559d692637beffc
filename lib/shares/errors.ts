/**
 * The share API's refusals: one error class, mapped to a JSON answer once, at the edge. The shape
 * is the fal proxy's (`{ detail, error_type }`), so the browser reads every refusal the same way.
 */
import { z } from "zod";
import { isCounterStoreUnavailable } from "@/lib/limits/counter-store";
import { CROSS_SITE_DETAIL, isCrossSite } from "@/lib/security/cross-site";
import { isShareStoreUnavailable } from "./store/contract";

export const SHARE_ERROR_TYPES = {
  invalid: "share_invalid",
  notFound: "share_not_found",
  gone: "share_gone",
  locked: "share_locked",
  passcodeRequired: "share_passcode_required",
  passcodeWrong: "share_passcode_wrong",
  rateLimited: "share_rate_limited",
  tooLarge: "share_too_large",
  unavailable: "share_store_unavailable",
  disabled: "share_disabled",
  forbidden: "share_forbidden",
  fileUnreachable: "share_file_unreachable",
} as const;
export type ShareErrorType = (typeof SHARE_ERROR_TYPES)[keyof typeof SHARE_ERROR_TYPES];

export class ShareError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: ShareErrorType,
    detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
    this.name = "ShareError";
  }
}

export const STORE_DOWN_DETAIL =
  "Shares are unavailable right now: the share store is not answering. Nothing was changed; try again in a minute.";

/** Any error of the share API as the answer to send; unexpected ones are logged, never shown. */
export function shareErrorResponse(error: unknown): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  const answer = (status: number, errorType: string, detail: string) =>
    Response.json({ detail, error_type: errorType }, { status, headers });
  if (error instanceof ShareError) {
    if (error.retryAfterSeconds) headers["retry-after"] = String(error.retryAfterSeconds);
    return answer(error.status, error.errorType, error.message);
  }
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join(".")})` : "";
    return answer(422, SHARE_ERROR_TYPES.invalid, `${issue?.message ?? "Invalid request"}${where}`);
  }
  if (isShareStoreUnavailable(error) || isCounterStoreUnavailable(error)) {
    console.error(`Share store unavailable: ${(error as Error).message}`);
    headers["retry-after"] = "30";
    return answer(503, SHARE_ERROR_TYPES.unavailable, STORE_DOWN_DETAIL);
  }
  console.error("Share API failed:", error);
  return answer(500, "share_failed", "Something went wrong on the server; nothing was changed.");
}

/** The JSON body of a request, at most `maxBytes`, or a ShareError saying what is wrong. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    throw new ShareError(
      415,
      SHARE_ERROR_TYPES.invalid,
      "Send JSON (Content-Type: application/json).",
    );
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new ShareError(400, SHARE_ERROR_TYPES.invalid, "The request body is not valid JSON.");
  }
}

const tooLarge = (maxBytes: number) =>
  new ShareError(
    413,
    SHARE_ERROR_TYPES.tooLarge,
    `The request is too large: at most ${Math.round(maxBytes / 1024)} KB.`,
  );

/**
 * For the public routes, which skip the API gate (lib/access/require-session.ts): calls from
 * another site's pages are refused here too (lib/security/cross-site.ts).
 */
export function requireSameOrigin(request: Request, origin: string): void {
  if (isCrossSite(request.headers, origin)) {
    throw new ShareError(403, SHARE_ERROR_TYPES.forbidden, CROSS_SITE_DETAIL);
  }
}
