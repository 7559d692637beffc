/**
 * The setup check: what a deployer still has to set before sharing the playground, as rows shown
 * on /setup and printed to the server log at start-up. Pure apart from one bounded store ping,
 * and no row ever contains a secret (key, password, session secret, Redis credentials).
 */
import "server-only";
import { appLimiter } from "@/lib/limits/app-limiter";
import { connectionStampInstalled } from "@/lib/limits/connection-address";
import type { ServerEnv } from "@/lib/server-env";
import {
  accessGateCheck,
  falKeyCheck,
  modeCheck,
  publicOptInCheck,
  sessionSecretCheck,
} from "./access-checks";
import { requestBodyCheck, runtimeLimitsCheck } from "./hosting-checks";
import { clientIdentityCheck, limitsCheck, limitsStoreCheck } from "./limit-checks";
import type { CheckStatus, EnvSource, SetupCheck } from "./setup-check";
import { sharesStoreCheck } from "./share-checks";

export type { CheckStatus, SetupCheck } from "./setup-check";

export interface SetupProbe {
  /** Throws when the limits store cannot answer; bounded to 3 s by the check. */
  pingStore?: () => Promise<void>;
  /** Raw variables, to tell FAL_KEY from FAL_KEY_ID + FAL_KEY_SECRET; defaults to process.env. */
  source?: EnvSource;
  /** Whether requests are stamped with their connection; defaults to this process's answer. */
  connectionStamped?: boolean;
  /** The request the rows are shown for, on /setup. */
  request?: Headers;
}

/** Every setup row for `env`, in display order. */
export async function setupChecks(env: ServerEnv, probe: SetupProbe = {}): Promise<SetupCheck[]> {
  const pingStore = probe.pingStore ?? pingAppStore;
  return [
    modeCheck(env),
    falKeyCheck(env, probe.source ?? process.env),
    accessGateCheck(env),
    publicOptInCheck(env),
    sessionSecretCheck(env),
    limitsCheck(env),
    await limitsStoreCheck(env, pingStore),
    clientIdentityCheck(env, {
      connectionStamped: probe.connectionStamped ?? connectionStampInstalled(),
      request: probe.request,
    }),
    sharesStoreCheck(env),
    runtimeLimitsCheck(),
    requestBodyCheck(),
  ];
}

/**
 * Pings the store the proxy really uses. It is built from process.env, so when the rows are for
 * another environment it may be memory, and a memory ping would vouch for a Redis never tried.
 */
async function pingAppStore(): Promise<void> {
  const { store } = appLimiter();
  if (store.kind !== "redis") throw new Error("the server's limiter does not use this Redis");
  await store.ping();
}

/** Rows that need the deployer's attention (warnings and errors). */
export function problemsOf(checks: readonly SetupCheck[]): SetupCheck[] {
  return checks.filter((check) => check.status !== "ok");
}

/** One line for the whole check: "Ready to share", "1 thing to fix", "3 things to fix". */
export function checksHeadline(checks: readonly SetupCheck[]): string {
  const count = problemsOf(checks).length;
  if (count === 0) return "Ready to share";
  return `${count} ${count === 1 ? "thing" : "things"} to fix`;
}

const LOG_ICONS: Record<CheckStatus, string> = { ok: "✓", warn: "!", error: "✗" };

/**
 * A plain-text table for the server log: one line per row, and under a warning or error its fix,
 * indented. Advice on "ok" rows stays on /setup so a healthy start-up log is short.
 */
export function formatChecksForLog(checks: readonly SetupCheck[]): string {
  const width = Math.max(0, ...checks.map((check) => check.label.length));
  // Under the summary column: icon, space, label, three spaces.
  const indent = " ".repeat(width + 5);
  return checks
    .flatMap((check) => {
      const line = `${LOG_ICONS[check.status]} ${check.label.padEnd(width)}   ${check.summary}`;
      return check.status !== "ok" && check.fix ? [line, `${indent}→ ${check.fix}`] : [line];
    })
    .join("\n");
}
