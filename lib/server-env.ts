/**
 * The server's secrets and settings, read and validated in one place. Nothing here may reach a
 * browser: no NEXT_PUBLIC_ names, and the module refuses to be bundled for the client.
 * Every variable is documented in `.env.example` and the README.
 */
import "server-only";
import { scryptSync } from "node:crypto";
import { z } from "zod";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());

const flag = (name: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(["true", "false", "1", "0", "yes", "no"], {
        error: `${name} must be true or false.`,
      })
      .optional()
      .transform((value) => value === "true" || value === "1" || value === "yes"),
  );

/** A positive number, or "unlimited" (null) to turn a limit off; undefined when not set. */
const limit = (name: string, integer: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return undefined;
        if (value.toLowerCase() === "unlimited") return null;
        const number = Number(value);
        if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
          ctx.addIssue({
            code: "custom",
            message: `${name} must be a ${integer ? "whole number" : "number"} above 0, or "unlimited".`,
          });
          return z.NEVER;
        }
        return number;
      }),
  );

const envSchema = z.object({
  FAL_KEY: optionalText,
  FAL_KEY_ID: optionalText,
  FAL_KEY_SECRET: optionalText,
  FAL_UPSTREAM_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: "FAL_UPSTREAM_URL must be an http(s) URL." })
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
  ),
  ACCESS_PASSWORD: z.preprocess(blankToUndefined, z.string().optional()),
  SESSION_SECRET: z.preprocess(
    blankToUndefined,
    z
      .string()
      .min(32, {
        error: "SESSION_SECRET must be at least 32 characters (try `openssl rand -hex 32`).",
      })
      .optional(),
  ),
  ALLOW_PUBLIC_ACCESS: flag("ALLOW_PUBLIC_ACCESS"),
  RUNS_PER_MINUTE: limit("RUNS_PER_MINUTE", true),
  DAILY_BUDGET_USD: limit("DAILY_BUDGET_USD", false),
  REDIS_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^rediss?$/, error: "REDIS_URL must be a redis:// or rediss:// URL." })
      .optional(),
  ),
  TRUSTED_IP_HEADER: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9-]+$/, { error: "TRUSTED_IP_HEADER must be a header name." })
      .optional(),
  ),
  CSP_EXTRA_HOSTS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((value) => (value ?? "").split(/[\s,]+/).filter(Boolean))
      .pipe(
        z.array(
          z.string().regex(/^https:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i, {
            error: "CSP_EXTRA_HOSTS must list https:// origins (e.g. https://cdn.example.com).",
          }),
        ),
      ),
  ),
  DATA_DIR: optionalText,
  VERCEL: optionalText,
});

/** Runs per client per minute in live mode when RUNS_PER_MINUTE is not set. */
export const DEFAULT_LIVE_RUNS_PER_MINUTE = 6;
/** The daily spend cap in live mode when DAILY_BUDGET_USD is not set (demo mode has none). */
export const DEFAULT_LIVE_DAILY_BUDGET_USD = 5;

export interface ServerEnv {
  /** The value for `Authorization: Key …`, or undefined in demo mode. */
  falKey?: string;
  /** A fal-compatible base URL that replaces fal's hosts, when set. */
  upstreamUrl?: string;
  access: {
    /** When set, every page and the proxy need a session. */
    password?: string;
    /** Seals session cookies: SESSION_SECRET, or derived from the password and key. */
    sessionSecret: string;
    sessionSecretFrom: "SESSION_SECRET" | "derived";
    /** ALLOW_PUBLIC_ACCESS: the deployer accepts that anyone with the link spends the key. */
    publicOptIn: boolean;
  };
  limits: {
    /** Runs a client may start per minute; null = no limit. */
    runsPerMinute: number | null;
    /** US dollars the whole deployment may spend per UTC day; null = no cap. */
    dailyBudgetUsd: number | null;
    /** Where counters live: this process's memory, or Redis shared by every instance. */
    redisUrl?: string;
  };
  /**
   * Where a client's IP comes from: Vercel's own header, the one a deployer's proxy sets, or
   * (served directly) the request's own connection (lib/limits/client-identity.ts).
   */
  clientIp: { header: string | null; from: "vercel" | "TRUSTED_IP_HEADER" | "connection" };
  /** CSP_EXTRA_HOSTS: more image and connection sources for the pages' security policy. */
  cspExtraSources: string[];
  shares: {
    /** DATA_DIR: the folder for the SQLite share store (relative to the working directory). */
    dataDir: string;
    /** Where review links live: Redis when REDIS_URL is set, else SQLite in dataDir. */
    store: "sqlite" | "redis";
  };
  onVercel: boolean;
}

export type Mode = "demo" | "live";

const derived = new Map<string, string>();

/**
 * The key that seals sessions when SESSION_SECRET is not set: changing the password (or the key)
 * signs everyone out. Someone holding a session cookie could test password guesses against it
 * offline; in live mode the fal key is part of the input, which they cannot guess, and scrypt
 * (32 MiB, about 0.1 s a guess) makes guessing the password alone slow in demo mode. SESSION_SECRET
 * removes the question, and /setup recommends it. Derived once per process (memoised).
 */
function derivedSessionSecret(password: string, falKey: string | undefined): string {
  const input = `${password}\u0000${falKey ?? ""}`;
  let secret = derived.get(input);
  if (!secret) {
    secret = scryptSync(input, "hidream-playground/session", 32, {
      N: 2 ** 15,
      r: 8,
      p: 1,
      maxmem: 64 * 1024 * 1024,
    }).toString("hex");
    derived.set(input, secret);
  }
  return secret;
}

/** Validates an environment; throws with every problem listed. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const env = envSchema.parse(source);
  const falKey =
    env.FAL_KEY ??
    (env.FAL_KEY_ID && env.FAL_KEY_SECRET ? `${env.FAL_KEY_ID}:${env.FAL_KEY_SECRET}` : undefined);
  const onVercel = env.VERCEL === "1";
  return {
    falKey,
    upstreamUrl: env.FAL_UPSTREAM_URL,
    access: {
      password: env.ACCESS_PASSWORD,
      sessionSecret: env.SESSION_SECRET ?? derivedSessionSecret(env.ACCESS_PASSWORD ?? "", falKey),
      sessionSecretFrom: env.SESSION_SECRET ? "SESSION_SECRET" : "derived",
      publicOptIn: env.ALLOW_PUBLIC_ACCESS,
    },
    limits: {
      // Demo runs cost nothing, so limits there are opt-in; live mode is limited unless told not to.
      runsPerMinute:
        env.RUNS_PER_MINUTE === undefined
          ? falKey
            ? DEFAULT_LIVE_RUNS_PER_MINUTE
            : null
          : env.RUNS_PER_MINUTE,
      dailyBudgetUsd:
        env.DAILY_BUDGET_USD === undefined
          ? falKey
            ? DEFAULT_LIVE_DAILY_BUDGET_USD
            : null
          : env.DAILY_BUDGET_USD,
      redisUrl: env.REDIS_URL,
    },
    clientIp: env.TRUSTED_IP_HEADER
      ? { header: env.TRUSTED_IP_HEADER, from: "TRUSTED_IP_HEADER" }
      : onVercel
        ? { header: "x-vercel-forwarded-for", from: "vercel" }
        : { header: null, from: "connection" },
    cspExtraSources: env.CSP_EXTRA_HOSTS,
    shares: { dataDir: env.DATA_DIR ?? "./data", store: env.REDIS_URL ? "redis" : "sqlite" },
    onVercel,
  };
}

let cached: ServerEnv | undefined;

/** This process's environment, validated once. */
export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** Live when a key is set; otherwise the app runs on its embedded fal-compatible backend. */
export function modeOf(env: ServerEnv): Mode {
  return env.falKey ? "live" : "demo";
}

/**
 * Who may use the playground: "password" (a session is required), "open" (anyone: demo mode, or
 * live with ALLOW_PUBLIC_ACCESS), or "closed" (live with neither: the key is never spent).
 */
export type AccessPolicy = "password" | "open" | "closed";

export function accessPolicy(env: ServerEnv): AccessPolicy {
  if (env.access.password) return "password";
  if (modeOf(env) === "live" && !env.access.publicOptIn) return "closed";
  return "open";
}
