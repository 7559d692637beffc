/**
 * The owner's browser side of the share API: create, ask about, and act on shares. Every call
 * answers a value or `{ error }` with words to show (the server's `detail` when it gave one), so
 * no caller handles a thrown error or a status code.
 */
import type { CreateShareInput, ShareAction, ShareSummary } from "./share";
import { SHARE_LIMITS } from "./share";

export const SHARES_API = "/api/shares";

export interface CreatedShare {
  id: string;
  secret: string;
  path: string;
  expiresAt: number | null;
}

export type ApiResult<T> = T | { error: string };

export const isApiError = <T>(result: ApiResult<T>): result is { error: string } =>
  typeof result === "object" && result !== null && "error" in result;

/** The server's sentence for a refusal, or one of ours for its status. */
async function refusal(response: Response): Promise<{ error: string }> {
  const body: unknown = await response.json().catch(() => undefined);
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (typeof detail === "string" && detail) return { error: detail };
  if (response.status === 429) return { error: "Too many shares for now. Try again later." };
  if (response.status === 503) return { error: "Sharing is unavailable right now." };
  return { error: `The share service answered ${response.status}.` };
}

async function post<T>(path: string, body: unknown, ok = 200): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
    if (response.status !== ok) return refusal(response);
    return (await response.json()) as T;
  } catch {
    return { error: "The share service could not be reached: check the connection." };
  }
}

/** An expiry as a time: the API sends epoch milliseconds; an ISO string is read too. */
const toTime = (value: unknown): number | null =>
  typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) || null : null;

/** Creates a share; the answer's secret is the owner's only key to it. */
export async function createShareCall(input: CreateShareInput): Promise<ApiResult<CreatedShare>> {
  const result = await post<CreatedShare>(SHARES_API, input, 201);
  if (isApiError(result)) return result;
  return { ...result, expiresAt: toTime(result.expiresAt) };
}

/** Summaries of every share given, asked in batches the API accepts. */
export async function fetchShareStatus(
  shares: readonly { id: string; secret: string }[],
): Promise<ApiResult<ShareSummary[]>> {
  const summaries: ShareSummary[] = [];
  for (let i = 0; i < shares.length; i += SHARE_LIMITS.statusBatch) {
    const batch = shares.slice(i, i + SHARE_LIMITS.statusBatch).map(({ id, secret }) => ({
      id,
      secret,
    }));
    const result = await post<{ shares: ShareSummary[] }>(`${SHARES_API}/status`, {
      shares: batch,
    });
    if (isApiError(result)) return result;
    summaries.push(...result.shares);
  }
  return summaries;
}

/** Locks, unlocks, extends or revokes a share; answers its summary as now stored. */
export async function shareActionCall(
  id: string,
  action: ShareAction,
): Promise<ApiResult<ShareSummary>> {
  const result = await post<{ share: ShareSummary }>(
    `${SHARES_API}/${encodeURIComponent(id)}`,
    action,
  );
  return isApiError(result) ? result : result.share;
}
