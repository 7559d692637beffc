/**
 * Sessions for the access gate: the password is checked in constant time, and a session is an
 * iron-session seal (AES-256-CBC + HMAC-SHA-256) in an httpOnly cookie that carries its own expiry.
 */
import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import type { ServerEnv } from "@/lib/server-env";

export const SESSION_COOKIE = "playground_session";
/** Seven days: long enough for a client demo week, short enough that a leaked cookie dies. */
export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;

interface SessionData {
  v: 1;
  /** Which password the session was opened with: changing ACCESS_PASSWORD signs everyone out. */
  pw: string;
  /** Seconds since the epoch. */
  iat: number;
}

export interface Session {
  issuedAt: Date;
  expiresAt: Date;
}

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** Whether an attempt equals the configured password; equal-length digests keep the time constant. */
export function passwordMatches(env: ServerEnv, attempt: string): boolean {
  const password = env.access.password;
  if (!password) return false;
  return timingSafeEqual(digest(attempt), digest(password));
}

function passwordFingerprint(env: ServerEnv): string {
  return createHmac("sha256", env.access.sessionSecret)
    .update(env.access.password ?? "")
    .digest("base64url")
    .slice(0, 16);
}

/** A sealed cookie value for a new session. */
export async function sealSession(env: ServerEnv, now = Date.now()): Promise<string> {
  const data: SessionData = { v: 1, pw: passwordFingerprint(env), iat: Math.floor(now / 1000) };
  return sealData(data, { password: env.access.sessionSecret, ttl: SESSION_TTL_SECONDS });
}

/**
 * Seals already opened, by cookie value, with what opened them. Unsealing costs about 0.5 ms of
 * crypto (2 ms on a busy 2-core machine), which every API call, each status poll included, would
 * otherwise pay again for the same cookie. A seal cannot be revoked, only outlived: the expiry is
 * checked on every use, and a changed password or secret misses the cache. Only valid seals are
 * kept, so made-up cookies cannot fill it; the oldest go first.
 */
const opened = new Map<string, { secret: string; password: string; iat: number }>();
const OPENED_MAX = 1000;

/** The session a cookie value proves, or null when it is missing, tampered with, stale or expired. */
export async function openSession(
  env: ServerEnv,
  value: string | undefined,
  now = Date.now(),
): Promise<Session | null> {
  const password = env.access.password;
  if (!value || !password) return null;
  const known = opened.get(value);
  if (known && known.secret === env.access.sessionSecret && known.password === password) {
    return sessionAt(known.iat, now);
  }
  const iat = await unsealedIssueTime(env, value);
  if (iat === null) return null;
  if (opened.size >= OPENED_MAX) opened.delete(opened.keys().next().value!);
  opened.set(value, { secret: env.access.sessionSecret, password, iat });
  return sessionAt(iat, now);
}

/** The issue time a valid seal for this password carries, or null. */
async function unsealedIssueTime(env: ServerEnv, value: string): Promise<number | null> {
  let data: Partial<SessionData>;
  try {
    data = await unsealData<Partial<SessionData>>(value, {
      password: env.access.sessionSecret,
      ttl: SESSION_TTL_SECONDS,
    });
  } catch {
    return null;
  }
  if (data.v !== 1 || typeof data.iat !== "number" || data.pw !== passwordFingerprint(env)) {
    return null;
  }
  return data.iat;
}

/** A session issued at `iat` (seconds), if it is still within its lifetime at `now`. */
function sessionAt(iat: number, now: number): Session | null {
  // iron checks its own expiry against the clock; this also bounds sessions by issue time, and is
  // what holds for a cached seal.
  const expiresAt = (iat + SESSION_TTL_SECONDS) * 1000;
  if (expiresAt <= now || iat * 1000 > now + 60_000) return null;
  return { issuedAt: new Date(iat * 1000), expiresAt: new Date(expiresAt) };
}

/** Reads the session cookie from a request's Cookie header. */
export function sessionCookieOf(headers: Headers): string | undefined {
  const cookie = headers.get("cookie");
  if (!cookie) return undefined;
  for (const part of cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=");
  }
  return undefined;
}

/** Cookie attributes for a session; Secure whenever the page was served over https. */
export function sessionCookieOptions(secure: boolean) {
  return {
    httpOnly: true,
    secure,
    sameSite: "lax" as const,
    path: "/",
    maxAge: SESSION_TTL_SECONDS,
  };
}
