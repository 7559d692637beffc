/** Setup rows about the limits that protect the key: their values, their store, client identity. */
import { formatUsd } from "@/lib/endpoint";
import { CONNECTION_HEADER } from "@/lib/limits/connection-address";
import { isCounterStoreUnavailable } from "@/lib/limits/counter-store";
import { hostAndPort } from "@/lib/redis/runner";
import {
  accessPolicy,
  DEFAULT_LIVE_DAILY_BUDGET_USD,
  DEFAULT_LIVE_RUNS_PER_MINUTE,
  modeOf,
  type ServerEnv,
} from "@/lib/server-env";
import { whereToSet, type SetupCheck } from "./setup-check";

/** How long the store may take to answer a ping before the row calls it unreachable. */
export const STORE_PING_TIMEOUT_MS = 3000;

/** Runs per minute per client and the daily budget; an unlimited one in live mode is a warning. */
export function limitsCheck(env: ServerEnv): SetupCheck {
  const row = { id: "limits", label: "Limits" } as const;
  const { runsPerMinute, dailyBudgetUsd } = env.limits;
  const runs = runsPerMinute === null ? "unlimited" : String(runsPerMinute);
  const budget = dailyBudgetUsd === null ? "unlimited" : `${formatUsd(dailyBudgetUsd)} per UTC day`;
  const summary = `Runs per minute per client: ${runs}; daily budget: ${budget}.`;
  if (modeOf(env) === "demo")
    return { ...row, status: "ok", summary: `${summary} Demo runs cost nothing.` };

  const unlimited = [
    runsPerMinute === null && `RUNS_PER_MINUTE (e.g. ${DEFAULT_LIVE_RUNS_PER_MINUTE})`,
    dailyBudgetUsd === null && `DAILY_BUDGET_USD (e.g. ${DEFAULT_LIVE_DAILY_BUDGET_USD})`,
  ].filter((name) => name !== false);
  if (unlimited.length === 0) return { ...row, status: "ok", summary };
  return {
    ...row,
    status: "warn",
    summary: `${summary} Nothing stops a visitor from spending more.`,
    fix: `Set ${unlimited.join(" and ")} ${whereToSet(env)}; "unlimited" turns a limit off.`,
  };
}

/** Where the counters live; a Redis store is pinged, because it fails closed when unreachable. */
export async function limitsStoreCheck(
  env: ServerEnv,
  pingStore: () => Promise<void>,
): Promise<SetupCheck> {
  const row = { id: "limits-store", label: "Limits store" } as const;
  const { redisUrl, runsPerMinute, dailyBudgetUsd } = env.limits;
  if (!redisUrl) {
    // Sign-in attempts are counted too, so a password makes the store matter even without limits.
    const counts =
      runsPerMinute !== null || dailyBudgetUsd !== null || Boolean(env.access.password);
    if (!counts)
      return {
        ...row,
        status: "ok",
        summary: "Memory; nothing is counted (no limits, no password).",
      };
    if (!env.onVercel) {
      return {
        ...row,
        status: "ok",
        summary: "This server's memory: right for a single server process.",
      };
    }
    return {
      ...row,
      status: "warn",
      summary: "Memory on Vercel: each instance counts on its own, so the limits multiply.",
      fix: `Set REDIS_URL (Vercel Marketplace → Redis) ${whereToSet(env)}, so all instances share one budget.`,
    };
  }

  // Without a password this page is public: where Redis lives is then left out.
  const where = accessPolicy(env) === "password" ? `at ${hostAndPort(redisUrl)}` : "(REDIS_URL)";
  try {
    await withinMs(pingStore(), STORE_PING_TIMEOUT_MS);
    return { ...row, status: "ok", summary: `Redis ${where}, shared by every instance.` };
  } catch (error) {
    const reason = reasonOf(error, redisUrl);
    return {
      ...row,
      status: "error",
      summary: `Redis ${where} is unreachable${reason ? ` (${reason})` : ""}: runs are refused until it is back (fail closed).`,
      fix: `Check that the Redis database is running, and that REDIS_URL (host, port, password; rediss:// for TLS) is right ${whereToSet(env)}.`,
    };
  }
}

/** How this server tells visitors apart, as far as the setup check can see. */
export interface IdentityProbe {
  /** Whether this process stamps each request with its connection's address. */
  connectionStamped: boolean;
  /** The request the check is shown for (on /setup), to spot a proxy in front. */
  request?: Headers;
}

/**
 * Where a client's IP comes from; without a believable one, per-client limits (and sign-in
 * attempts) become one bucket that a single visitor can use up for everyone.
 */
export function clientIdentityCheck(env: ServerEnv, probe: IdentityProbe): SetupCheck {
  const row = { id: "client-identity", label: "Client identity" } as const;
  const { from, header } = env.clientIp;
  if (from === "vercel")
    return { ...row, status: "ok", summary: `From Vercel's ${header} header, by /64 for IPv6.` };
  if (from === "TRUSTED_IP_HEADER") {
    return { ...row, status: "ok", summary: `From the ${header} header (TRUSTED_IP_HEADER).` };
  }
  const fix = `Behind a proxy or CDN, set TRUSTED_IP_HEADER to the header it sets to the visitor's address (e.g. x-forwarded-for, x-real-ip or cf-connecting-ip) ${whereToSet(env)}.`;
  if (!probe.connectionStamped) {
    const perClient = env.limits.runsPerMinute !== null || Boolean(env.access.password);
    if (!perClient)
      return { ...row, status: "ok", summary: "None needed: no per-client limit applies." };
    return {
      ...row,
      status: "warn",
      summary: env.access.password
        ? "None: all visitors share one runs-per-minute bucket and one sign-in attempts bucket."
        : "None: all visitors share one runs-per-minute bucket.",
      fix,
    };
  }
  const forwarded = probe.request?.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  const connection = probe.request?.get(CONNECTION_HEADER);
  if (forwarded && connection && forwarded !== connection) {
    return {
      ...row,
      status: "warn",
      summary: `This request came through a proxy (from ${connection}, forwarded for another address): every visitor it forwards counts as that proxy.`,
      fix,
    };
  }
  return {
    ...row,
    status: "ok",
    summary: "Each visitor's own connection address (this server is reached directly).",
  };
}

class PingTimeout extends Error {}

function withinMs<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PingTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A short cause for the row; the store's messages name host:port, but scrub the password anyway. */
function reasonOf(error: unknown, redisUrl: string): string | undefined {
  if (error instanceof PingTimeout) return `no answer within ${STORE_PING_TIMEOUT_MS / 1000} s`;
  if (!isCounterStoreUnavailable(error)) return undefined;
  const reason = /\(([^()]*)\)$/.exec(error.message)?.[1];
  if (!reason) return undefined;
  return secretsOf(redisUrl).reduce((text, secret) => text.replaceAll(secret, "•••"), reason);
}

function secretsOf(url: string): string[] {
  try {
    const { password } = new URL(url);
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}
