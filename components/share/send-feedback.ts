import type { PublicFeedback, ShareApiError } from "@/lib/shares/public-share";
import type { FeedbackInput } from "@/lib/shares/share";

export type FeedbackResult =
  { ok: true; feedback: PublicFeedback } | { ok: false; status: number; detail: string };

/** Where a client's marks and comments go (the share API's feedback route). */
export const feedbackApiPath = (shareId: string) => `/api/s/${shareId}/feedback`;

// The API words its refusals for people (`detail`); these cover answers that never reached it.
const OFFLINE = "Couldn't reach the server. Check your connection and try again.";
const unexpected = (status: number) =>
  `The server answered with an error (${status}). Nothing was saved; try again in a moment.`;

const isApiError = (body: unknown): body is ShareApiError =>
  typeof body === "object" && body !== null && typeof (body as ShareApiError).detail === "string";

/** Sends one mark or comment; resolves with the share's feedback as saved, or words to show. */
export async function sendFeedback(shareId: string, input: FeedbackInput): Promise<FeedbackResult> {
  let response: Response;
  try {
    response = await fetch(feedbackApiPath(shareId), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, detail: OFFLINE };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && body && typeof body === "object" && "feedback" in body) {
    return { ok: true, feedback: (body as { feedback: PublicFeedback }).feedback };
  }
  const status = response.ok ? 502 : response.status;
  return { ok: false, status, detail: isApiError(body) ? body.detail : unexpected(status) };
}
