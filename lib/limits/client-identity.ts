/**
 * Who a request comes from, for per-client limits (runs, uploads, sign-in attempts). Only what a
 * caller cannot write is believed:
 * - on Vercel, Vercel's own `x-vercel-forwarded-for`;
 * - behind a proxy the deployer names, its header (TRUSTED_IP_HEADER; in an X-Forwarded-For list
 *   the last entry, the one that proxy appended);
 * - otherwise the request's own TCP connection, stamped by this server (connection-address.ts).
 * The first X-Forwarded-For entry is never used: it is whatever the client wrote, and `next start`
 * keeps a client's own. When nothing can be believed, every visitor shares one bucket: stricter,
 * never looser.
 *
 * An IPv6 client is counted by its /64: one host (or one subscriber) owns a whole /64, so counting
 * single addresses would give it 2^64 buckets to rotate through.
 */
import { createHash } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import type { ServerEnv } from "@/lib/server-env";
import { CONNECTION_HEADER, connectionStampInstalled } from "./connection-address";

export const SHARED_CLIENT = "shared";

/** A valid address, normalized: IPv4-mapped IPv6 as IPv4, IPv6 lower-case without a zone. */
function normalizeIp(raw: string | undefined): string | null {
  if (!raw) return null;
  let ip = raw.trim().toLowerCase();
  if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.slice(1, -1);
  ip = ip.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) ip = mapped[1]!;
  return isIPv4(ip) || isIPv6(ip) ? ip : null;
}

/** The first four groups of an IPv6 address: the /64 it belongs to. */
function ipv6Prefix64(ip: string): string {
  const [head = "", tail] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (::1.2.3.4) counts as two groups; it never reaches the first four.
  const rightGroups = right.reduce((n, group) => n + (group.includes(".") ? 2 : 1), 0);
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - rightGroups).fill("0")];
  return groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":");
}

/** The client's address from what this deployment can believe, or null when nothing can be. */
export function clientIp(headers: Headers, env: ServerEnv): string | null {
  const { header } = env.clientIp;
  if (header) {
    const entries = (headers.get(header) ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    // In a forwarded-for list the nearest trusted proxy appends the address it saw: the last entry.
    const ip = normalizeIp(header === "x-forwarded-for" ? entries.at(-1) : entries[0]);
    if (ip) return ip;
  }
  // Served directly, or a request that bypassed the named proxy: its own connection.
  if (!connectionStampInstalled()) return null;
  return normalizeIp(headers.get(CONNECTION_HEADER) ?? undefined);
}

/** What counts as one client: an IPv4 address, or an IPv6 /64. */
export function clientBucket(ip: string): string {
  return isIPv6(ip) ? `${ipv6Prefix64(ip)}::/64` : ip;
}

/** A stable, non-reversible key for the client (IPs are not stored in Redis as such). */
export function clientKey(headers: Headers, env: ServerEnv): string {
  const ip = clientIp(headers, env);
  if (!ip) return SHARED_CLIENT;
  return createHash("sha256").update(clientBucket(ip)).digest("base64url").slice(0, 16);
}
