/**
 * The setup check as printed once at server start-up (instrumentation.ts). It never throws: a bad
 * environment becomes a red line with zod's message instead of a crashed start, and every message
 * that did not come from our own rows is scrubbed of the environment's secrets before it is shown.
 */
import "server-only";
import { ZodError } from "zod";
import { parseServerEnv } from "@/lib/server-env";
import {
  checksHeadline,
  formatChecksForLog,
  problemsOf,
  setupChecks,
  type SetupProbe,
} from "./checks";
import type { EnvSource } from "./setup-check";

export const STARTUP_HEADING = "HiDream Edit Playground — setup check (see /setup)";

export interface StartupReport {
  /** The console method to print with: problems stand out in Vercel's log filters. */
  level: "log" | "warn" | "error";
  text: string;
}

/** Variables whose values must never appear in a log line. */
const SECRET_VARIABLES = [
  "FAL_KEY",
  "FAL_KEY_ID",
  "FAL_KEY_SECRET",
  "ACCESS_PASSWORD",
  "SESSION_SECRET",
];

/** The start-up log text for `source` (default process.env). */
export async function startupReport(
  source: EnvSource = process.env,
  probe: Omit<SetupProbe, "source"> = {},
): Promise<StartupReport> {
  const failed = (problem: string, fix: string): StartupReport => ({
    level: "error",
    text: [STARTUP_HEADING, `✗ ${scrub(problem, source)}`, `  → ${fix}`].join("\n"),
  });
  let env;
  try {
    env = parseServerEnv(source);
  } catch (error) {
    const where =
      source.VERCEL === "1"
        ? "in Vercel → Project → Settings → Environment Variables, then redeploy"
        : "in .env.local (or the server's environment), then restart the server";
    return failed(
      `Invalid environment: ${envErrorText(error)}`,
      `Correct the variables named above ${where}. Every page answers 500 until then.`,
    );
  }
  try {
    const checks = await setupChecks(env, { ...probe, source });
    return {
      level: problemsOf(checks).some((check) => check.status === "error")
        ? "error"
        : problemsOf(checks).length > 0
          ? "warn"
          : "log",
      text: `${STARTUP_HEADING}: ${checksHeadline(checks)}\n${formatChecksForLog(checks)}`,
    };
  } catch (error) {
    return failed(
      `The setup check failed: ${error instanceof Error ? error.message : String(error)}`,
      "Open /setup once the server is up.",
    );
  }
}

/** zod's own messages name the variable (see server-env.ts); they never quote the value. */
function envErrorText(error: unknown): string {
  if (!(error instanceof ZodError)) return error instanceof Error ? error.message : String(error);
  return error.issues
    .map((issue) => {
      const name = issue.path.map(String).join(".");
      return name && !issue.message.includes(name) ? `${name}: ${issue.message}` : issue.message;
    })
    .join(" ");
}

/** Replaces every secret value (and a Redis URL's password) with dots. */
function scrub(text: string, source: EnvSource): string {
  const secrets = SECRET_VARIABLES.map((name) => source[name]?.trim()).filter(
    (value): value is string => Boolean(value && value.length >= 4),
  );
  try {
    const { password } = new URL(source.REDIS_URL ?? "");
    if (password) secrets.push(password, decodeURIComponent(password));
  } catch {
    // No Redis URL, or not a URL: nothing to hide.
  }
  return secrets.reduce((scrubbed, secret) => scrubbed.replaceAll(secret, "•••"), text);
}
