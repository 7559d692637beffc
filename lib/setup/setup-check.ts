/** The shape of one row of the setup check, shared by the checks, the /setup page and the log. */
import type { ServerEnv } from "@/lib/server-env";

export type CheckStatus = "ok" | "warn" | "error";

export interface SetupCheck {
  id: string;
  label: string;
  status: CheckStatus;
  summary: string;
  /** What to set to clear a warning or error; on an "ok" row, optional advice. */
  fix?: string;
}

/** Raw variables, read only to say which of several names holds a value (never the value). */
export type EnvSource = Record<string, string | undefined>;

/**
 * Where a deployer changes a variable, ending a fix sentence: Vercel's settings need a redeploy,
 * anywhere else (`next start`, `next dev`) a restart.
 */
export function whereToSet(env: ServerEnv): string {
  return env.onVercel
    ? "in Vercel → Project → Settings → Environment Variables, then redeploy"
    : "in .env.local (or the server's environment), then restart the server";
}
