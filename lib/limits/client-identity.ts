/**
 * Who a request comes from, for per-client limits. Only a header the platform sets can be trusted:
 * the first X-Forwarded-For entry is whatever the client wrote (and `next start` keeps a client's
 * own X-Forwarded-For), so it is never used. Without a trusted header every visitor shares one
 * bucket, which is stricter, never looser.
 */
import { createHash } from "node:crypto";
import type { ServerEnv } from "@/lib/server-env";

export const SHARED_CLIENT = "shared";

const IP = /^[0-9a-f:.]{2,45}$/i;

/** The client's IP from the trusted header, or null when there is none to trust. */
export function clientIp(headers: Headers, env: ServerEnv): string | null {
  const { header } = env.clientIp;
  if (!header) return null;
  const entries = (headers.get(header) ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // In a forwarded-for list the nearest trusted proxy appends the address it saw: the last entry.
  const ip = header === "x-forwarded-for" ? entries.at(-1) : entries[0];
  return ip && IP.test(ip) ? ip.toLowerCase() : null;
}

/** A stable, non-reversible key for the client (IPs are not stored in Redis as such). */
export function clientKey(headers: Headers, env: ServerEnv): string {
  const ip = clientIp(headers, env);
  if (!ip) return SHARED_CLIENT;
  return createHash("sha256").update(ip).digest("base64url").slice(0, 16);
}
