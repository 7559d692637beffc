/** The setup row about review links: where shares live, and whether they can live there at all. */
import { SHARES_NEED_REDIS } from "@/lib/shares/availability";
import { accessPolicy, type ServerEnv } from "@/lib/server-env";
import { whereToSet, type SetupCheck } from "./setup-check";

export function sharesStoreCheck(env: ServerEnv): SetupCheck {
  const row = { id: "shares-store", label: "Review links" } as const;
  if (env.shares.store === "redis") {
    return {
      ...row,
      status: "ok",
      summary: "Shares and client feedback live in Redis (REDIS_URL), seen by every instance.",
    };
  }
  if (env.onVercel) {
    return {
      ...row,
      status: "warn",
      summary: SHARES_NEED_REDIS,
      fix: `Set REDIS_URL (Vercel Marketplace → Redis) ${whereToSet(env)}.`,
    };
  }
  // Without a password this page is public: the server's folder layout is left out.
  const where =
    accessPolicy(env) === "password" ? `${env.shares.dataDir}/shares.sqlite` : "DATA_DIR";
  return {
    ...row,
    status: "ok",
    summary: `Shares and client feedback live in a SQLite file (${where}) that survives restarts.`,
    fix: "Keep DATA_DIR on a disk that lasts (a volume, not a container's temporary layer); set REDIS_URL to share it between servers.",
  };
}
