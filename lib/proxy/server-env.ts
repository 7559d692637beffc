/**
 * The server's secrets and settings, read and validated in one place. Nothing here may reach a
 * browser: no NEXT_PUBLIC_ names, and the module refuses to be bundled for the client.
 */
import "server-only";
import { z } from "zod";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const envSchema = z.object({
  FAL_KEY: z.preprocess(blankToUndefined, z.string().trim().optional()),
  FAL_KEY_ID: z.preprocess(blankToUndefined, z.string().trim().optional()),
  FAL_KEY_SECRET: z.preprocess(blankToUndefined, z.string().trim().optional()),
  FAL_UPSTREAM_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: "FAL_UPSTREAM_URL must be an http(s) URL." })
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
  ),
});

export interface ServerEnv {
  /** The value for `Authorization: Key …`, or undefined in demo mode. */
  falKey?: string;
  /** A fal-compatible base URL that replaces fal's hosts, when set. */
  upstreamUrl?: string;
}

export type Mode = "demo" | "live";

/** Validates an environment; throws with every problem listed. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const env = envSchema.parse(source);
  const falKey =
    env.FAL_KEY ??
    (env.FAL_KEY_ID && env.FAL_KEY_SECRET ? `${env.FAL_KEY_ID}:${env.FAL_KEY_SECRET}` : undefined);
  return { falKey, upstreamUrl: env.FAL_UPSTREAM_URL };
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
