/**
 * Signing in and out, as server actions' bodies. Each checks the gate itself: Next's proxy is a
 * first line, not the only one (actions are POSTs that a matcher change could leave uncovered).
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { appLimiter } from "@/lib/limits/app-limiter";
import { clientKey } from "@/lib/limits/client-identity";
import { isCounterStoreUnavailable } from "@/lib/limits/counter-store";
import { untilText } from "@/lib/format/until-text";
import { accessPolicy, serverEnv } from "@/lib/server-env";
import { passwordMatches, sealSession, SESSION_COOKIE, sessionCookieOptions } from "./session";

export interface SignInState {
  error?: string;
}

const SIGN_IN_PATH = "/sign-in";
/** A stand-in origin: only whether a path stays on it matters, not which one it is. */
const HOME = "https://playground.invalid";
/**
 * Characters a browser drops or rewrites before it resolves a URL: TAB, CR and LF anywhere, the
 * other C0 and C1 controls and spaces at the ends, and `\` read as `/`. Any of them in `next`
 * could turn "/<TAB>/evil.example" into "//evil.example": such a path is refused outright.
 */
const REWRITTEN_BY_BROWSERS = /[\u0000-\u0020\u007f-\u009f\\\u2028\u2029\ufeff]/;

/**
 * Where to go after signing in: a path on this site, exactly as given, or "/". Decided by parsing
 * (the URL a browser would build stays on our origin and is the very string we would send), not
 * by prefixes, so no spelling of another origin gets through.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || next.length > 2000 || REWRITTEN_BY_BROWSERS.test(next)) {
    return "/";
  }
  if (!next.startsWith("/") || next.startsWith("//")) return "/";
  let url: URL;
  try {
    url = new URL(next, HOME);
  } catch {
    return "/";
  }
  if (url.origin !== HOME || `${url.pathname}${url.search}${url.hash}` !== next) return "/";
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith(`${SIGN_IN_PATH}/`)) return "/";
  return next;
}

/** Checks the password (rate-limited per client) and opens a session; returns an error or null. */
export async function openSessionWithPassword(password: string): Promise<SignInState | null> {
  const env = serverEnv();
  if (accessPolicy(env) !== "password") return null;
  const requestHeaders = await headers();
  try {
    const attempt = await appLimiter().admitSignIn(clientKey(requestHeaders, env));
    if (!attempt.ok) {
      return { error: `Too many attempts. Try again ${untilText(attempt.resetsAt, Date.now())}.` };
    }
  } catch (error) {
    if (!isCounterStoreUnavailable(error)) throw error;
    return {
      error: "Sign-in is paused: the limit store cannot be reached. Try again in a minute.",
    };
  }
  if (!passwordMatches(env, password)) {
    return { error: "That password is not right. Check it with the person who sent you the link." };
  }
  const secure = requestHeaders.get("x-forwarded-proto") === "https";
  (await cookies()).set(SESSION_COOKIE, await sealSession(env), sessionCookieOptions(secure));
  return null;
}

/** Ends the session on this browser. */
export async function closeSession(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
