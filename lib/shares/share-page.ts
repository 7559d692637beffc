/**
 * What the share page renders, read in the server component, and the passcode form's check.
 * A view is counted each time the page is shown with its images.
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { clientKey } from "@/lib/limits/client-identity";
import { serverEnv } from "@/lib/server-env";
import { takePasscodeAttempt } from "./counters";
import { SHARE_ERROR_TYPES, ShareError, STORE_DOWN_DETAIL } from "./errors";
import { isCounterStoreUnavailable } from "@/lib/limits/counter-store";
import { ACCESS_COOKIE_MAX_AGE, accessCookieName, accessProof, passcodeMatches } from "./passcode";
import type { SharePageData } from "./public-share";
import { isShareId, shareState } from "./share";
import { isShareStoreUnavailable } from "./store/contract";
import { appShareStore } from "./store/app-store";
import { publicFeedback, publicShare, REVIEWER_COOKIE, viewableShare } from "./viewer";

export async function loadSharePage(id: string): Promise<SharePageData> {
  if (!isShareId(id)) return { kind: "missing" };
  const jar = await cookies();
  try {
    const share = await viewableShare(id, jar.get(accessCookieName(id))?.value);
    const store = appShareStore();
    const [feedback] = await Promise.all([store.feedback(id), store.addView(id)]);
    return {
      kind: "ready",
      share: publicShare(share),
      feedback: publicFeedback(feedback, jar.get(REVIEWER_COOKIE)?.value),
    };
  } catch (error) {
    if (error instanceof ShareError) {
      if (error.errorType === SHARE_ERROR_TYPES.notFound) return { kind: "missing" };
      if (error.errorType === SHARE_ERROR_TYPES.passcodeRequired) {
        const share = await appShareStore().get(id);
        return { kind: "passcode", id, title: share?.title ?? "Shared images" };
      }
      if (error.errorType === SHARE_ERROR_TYPES.gone) {
        const share = await appShareStore().get(id);
        return { kind: "gone", state: share?.revokedAt ? "revoked" : "expired" };
      }
    }
    if (isShareStoreUnavailable(error)) return { kind: "unavailable", detail: STORE_DOWN_DETAIL };
    throw error;
  }
}

/** The status the share page answers with (the request proxy sets it: a page cannot). */
export async function sharePageStatus(id: string): Promise<200 | 404 | 410 | 503> {
  if (!isShareId(id)) return 404;
  try {
    const share = await appShareStore().get(id);
    if (!share) return 404;
    const state = shareState(share);
    return state === "expired" || state === "revoked" ? 410 : 200;
  } catch (error) {
    if (isShareStoreUnavailable(error)) return 503;
    throw error;
  }
}

/** Checks a passcode (attempts limited per client and per share); on success sets the cookie. */
export async function unlockShare(
  id: string,
  passcode: string,
): Promise<{ ok: true } | { ok: false; detail: string }> {
  try {
    if (!isShareId(id)) return { ok: false, detail: "This link doesn't exist." };
    const share = await appShareStore().get(id);
    if (!share || shareState(share) === "revoked" || shareState(share) === "expired") {
      return { ok: false, detail: "This link is no longer available." };
    }
    if (!share.passcodeHash) return { ok: true };
    const attempt = await takePasscodeAttempt(clientKey(await headers(), serverEnv()), id);
    if (!(await passcodeMatches(share.passcodeHash, passcode.slice(0, 256)))) {
      return {
        ok: false,
        detail: "That passcode is not right. Check it with the person who sent the link.",
      };
    }
    await attempt.succeeded();
    const secure = (await headers()).get("x-forwarded-proto") === "https";
    (await cookies()).set(accessCookieName(id), accessProof(id, share.passcodeHash), {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/",
      maxAge: ACCESS_COOKIE_MAX_AGE,
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof ShareError) return { ok: false, detail: error.message };
    if (isShareStoreUnavailable(error) || isCounterStoreUnavailable(error)) {
      return { ok: false, detail: STORE_DOWN_DETAIL };
    }
    throw error;
  }
}
