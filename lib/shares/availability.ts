/**
 * Whether this deployment can keep shares: the embedded SQLite store needs a disk that lasts and
 * is shared by every request, which Vercel's functions do not have; there, shares need Redis.
 */
import "server-only";
import type { ServerEnv } from "@/lib/server-env";

export type ShareAvailability = { enabled: true } | { enabled: false; reason: string };

export const SHARES_NEED_REDIS =
  "Sharing is off: on Vercel the file system is neither shared nor lasting, so shares need Redis. " +
  "Set REDIS_URL in the project's environment variables and redeploy.";

export function shareAvailability(env: ServerEnv): ShareAvailability {
  if (env.onVercel && !env.limits.redisUrl) return { enabled: false, reason: SHARES_NEED_REDIS };
  return { enabled: true };
}
