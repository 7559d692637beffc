/**
 * Signing in and out, as server actions' bodies. Each checks the gate itself: Next's proxy is a
 * first line, not the only one (actions are POSTs that a matcher change could leave uncovered).
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { appLimiter } from "@/lib/limits/app-limiter";
import { clientKey } from "@/lib/limits/client-identity";
import { isCounterStoreUnavailable } from "@/lib/limits/counter-store";
import { untilText } from "@/lib/limits/limiter";
import { accessPolicy, serverEnv } from "@/lib/server-env";
import { passwordMatches, sealSession, SESSION_COOKIE, sessionCookieOptions } from "./session";

export interface SignInState {
  error?: string;
}

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//")) return "/";
  if (next.startsWith("/\\") || next.startsWith("/sign-in")) return "/";
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
