/**
 * The one limiter of this server process, shared by the fal proxy, sign-in and /api/limits.
 * Kept on globalThis because Next bundles route handlers and pages separately: module state
 * would otherwise be per bundle, and memory counters would not add up.
 */
import "server-only";
import { serverEnv } from "@/lib/server-env";
import { createLimiter, type Limiter } from "./limiter";
import { createMemoryStore } from "./memory-store";
import { createRedisStore } from "./redis-store";

const slot = globalThis as typeof globalThis & { __hidreamLimiter?: Limiter };

export function appLimiter(): Limiter {
  if (!slot.__hidreamLimiter) {
    const env = serverEnv();
    const store = env.limits.redisUrl ? createRedisStore(env.limits.redisUrl) : createMemoryStore();
    slot.__hidreamLimiter = createLimiter(env.limits, store);
  }
  return slot.__hidreamLimiter;
}
