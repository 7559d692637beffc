import { cookies } from "next/headers";
import { clientKey } from "@/lib/limits/client-identity";
import { browserOrigin } from "@/lib/proxy/upstream";
import { readJson, requireSameOrigin, shareErrorResponse } from "@/lib/shares/errors";
import { accessCookieName } from "@/lib/shares/passcode";
import {
  isReviewerId,
  newReviewerId,
  recordFeedback,
  REVIEWER_COOKIE,
  REVIEWER_COOKIE_MAX_AGE,
} from "@/lib/shares/viewer";
import { serverEnv } from "@/lib/server-env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * A client's mark or comment on a shared image. Public (no session: clients never get the
 * playground's password); the share itself decides: open, passcode typed, not locked or gone.
 */
export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  try {
    requireSameOrigin(request, browserOrigin(request));
    const { id } = await context.params;
    const jar = await cookies();
    const known = jar.get(REVIEWER_COOKIE)?.value;
    const reviewerId = isReviewerId(known) ? known : newReviewerId();
    const feedback = await recordFeedback(id, await readJson(request, 8 * 1024), {
      client: clientKey(request.headers, serverEnv()),
      reviewerId,
      accessCookie: jar.get(accessCookieName(id))?.value,
    });
    if (reviewerId !== known) {
      jar.set(REVIEWER_COOKIE, reviewerId, {
        httpOnly: true,
        sameSite: "lax",
        secure: request.headers.get("x-forwarded-proto") === "https",
        path: "/",
        maxAge: REVIEWER_COOKIE_MAX_AGE,
      });
    }
    return Response.json({ feedback }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return shareErrorResponse(error);
  }
}
