/**
 * The one share store of this server process. Kept on globalThis because Next bundles route
 * handlers and pages separately: each bundle would otherwise open its own SQLite handle or Redis
 * connection.
 */
import "server-only";
import { join, resolve } from "node:path";
import { serverEnv } from "@/lib/server-env";
import type { ShareStore } from "./contract";
import { createRedisShareStore } from "./redis-store";
import { createSqliteStore } from "./sqlite-store";

const slot = globalThis as typeof globalThis & { __hidreamShareStore?: ShareStore };

/** Redis when REDIS_URL is set (every instance sees the same shares), else SQLite in DATA_DIR. */
export function appShareStore(): ShareStore {
  if (!slot.__hidreamShareStore) {
    const env = serverEnv();
    const { redisUrl } = env.limits;
    slot.__hidreamShareStore =
      env.shares.store === "redis" && redisUrl
        ? createRedisShareStore(redisUrl)
        : createSqliteStore(join(resolve(env.shares.dataDir), "shares.sqlite"));
  }
  return slot.__hidreamShareStore;
}
