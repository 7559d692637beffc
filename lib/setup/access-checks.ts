/**
 * Setup rows about who may run and on whose key: mode, fal key, access gate, public opt-in and
 * session secret. None of them prints a secret, its length or any part of it.
 */
import { accessPolicy, modeOf, type ServerEnv } from "@/lib/server-env";
import { whereToSet, type EnvSource, type SetupCheck } from "./setup-check";

/** Shorter passwords are guessable despite the sign-in limit: a warning, not a refusal. */
export const MIN_PASSWORD_LENGTH = 12;

/** Demo or live, and where live runs go. */
export function modeCheck(env: ServerEnv): SetupCheck {
  const row = { id: "mode", label: "Mode" } as const;
  if (modeOf(env) === "demo") {
    // The handler ignores FAL_UPSTREAM_URL without a key, so saying "runs go there" would be wrong.
    const upstream = env.upstreamUrl ? " FAL_UPSTREAM_URL is ignored until a key is set." : "";
    return {
      ...row,
      status: "ok",
      summary: `Demo: runs use the built-in demo backend and cost nothing.${upstream}`,
      fix: `To go live, set FAL_KEY ${whereToSet(env)}.`,
    };
  }
  if (env.upstreamUrl) {
    return {
      ...row,
      status: "warn",
      summary: `Live: runs go to ${originOf(env.upstreamUrl)} (FAL_UPSTREAM_URL) instead of fal, with your key.`,
      fix: `If that is not intended, remove FAL_UPSTREAM_URL ${whereToSet(env)}.`,
    };
  }
  return { ...row, status: "ok", summary: "Live: runs go to fal and are billed to your key." };
}

/** Which variable holds the key; a half-set id/secret pair silently leaves the app in demo mode. */
export function falKeyCheck(env: ServerEnv, source: EnvSource): SetupCheck {
  const row = { id: "fal-key", label: "fal key" } as const;
  const has = (name: string) => Boolean(source[name]?.trim());
  const pair = has("FAL_KEY_ID") && has("FAL_KEY_SECRET");
  if (env.falKey) {
    const from = has("FAL_KEY") || !pair ? "FAL_KEY" : "FAL_KEY_ID + FAL_KEY_SECRET";
    const ignored =
      from === "FAL_KEY" && (has("FAL_KEY_ID") || has("FAL_KEY_SECRET"))
        ? " FAL_KEY_ID and FAL_KEY_SECRET are ignored."
        : "";
    return { ...row, status: "ok", summary: `Set from ${from} (never shown).${ignored}` };
  }
  if (has("FAL_KEY_ID") !== has("FAL_KEY_SECRET")) {
    const [present, missing] = has("FAL_KEY_ID")
      ? ["FAL_KEY_ID", "FAL_KEY_SECRET"]
      : ["FAL_KEY_SECRET", "FAL_KEY_ID"];
    return {
      ...row,
      status: "warn",
      summary: `${present} is set without ${missing}, so no key is used and runs stay in demo mode.`,
      fix: `Set ${missing} too (or the whole key as FAL_KEY) ${whereToSet(env)}.`,
    };
  }
  return { ...row, status: "ok", summary: "Not set: demo mode needs no key." };
}

/** Who may run: the deciding row for whether the key can be spent by strangers. */
export function accessGateCheck(env: ServerEnv): SetupCheck {
  const row = { id: "access-gate", label: "Access gate" } as const;
  const policy = accessPolicy(env);
  if (policy === "password") {
    if ((env.access.password ?? "").length < MIN_PASSWORD_LENGTH) {
      return {
        ...row,
        status: "warn",
        summary: `Visitors must sign in, but the password is shorter than ${MIN_PASSWORD_LENGTH} characters.`,
        fix: `Set a longer ACCESS_PASSWORD (${MIN_PASSWORD_LENGTH} characters or more) ${whereToSet(env)}.`,
      };
    }
    return { ...row, status: "ok", summary: "Visitors must sign in." };
  }
  if (policy === "closed") {
    return {
      ...row,
      status: "error",
      summary: "Closed: runs are refused until ACCESS_PASSWORD or ALLOW_PUBLIC_ACCESS is set.",
      fix: `Set ACCESS_PASSWORD ${whereToSet(env)}. To let anyone with the link run on your key instead, set ALLOW_PUBLIC_ACCESS=true.`,
    };
  }
  if (modeOf(env) === "live") {
    return {
      ...row,
      status: "warn",
      summary: "Open: anyone with the link can spend your key, up to the limits below.",
      fix: `To require sign-in, set ACCESS_PASSWORD ${whereToSet(env)}.`,
    };
  }
  return { ...row, status: "ok", summary: "Open; demo runs cost nothing." };
}

/** ALLOW_PUBLIC_ACCESS, and whether it has any effect. */
export function publicOptInCheck(env: ServerEnv): SetupCheck {
  const row = { id: "public-opt-in", label: "Public opt-in" } as const;
  const on = env.access.publicOptIn;
  if (env.access.password) {
    const summary = on
      ? "ALLOW_PUBLIC_ACCESS is on but ignored: a password is set."
      : "Off; a password is set.";
    return { ...row, status: "ok", summary };
  }
  if (modeOf(env) === "live") {
    return on
      ? {
          ...row,
          status: "warn",
          summary: "On: anyone with the link can run on your key.",
          fix: `To require sign-in, set ACCESS_PASSWORD ${whereToSet(env)}; the opt-in is then ignored.`,
        }
      : // The access gate row already reports the closed state as the error to fix.
        { ...row, status: "ok", summary: "Off: without a password, live runs are refused." };
  }
  return {
    ...row,
    status: "ok",
    summary: on
      ? "On; demo mode is open anyway."
      : "Off; demo mode is open anyway. Once FAL_KEY is set, runs need ACCESS_PASSWORD or ALLOW_PUBLIC_ACCESS.",
  };
}

/** What seals session cookies, and what signs everyone out. */
export function sessionSecretCheck(env: ServerEnv): SetupCheck {
  const row = { id: "session-secret", label: "Session secret" } as const;
  const fromVariable = env.access.sessionSecretFrom === "SESSION_SECRET";
  if (!env.access.password) {
    const summary = fromVariable
      ? "Not used: no password is set."
      : "Not needed: no password is set.";
    return { ...row, status: "ok", summary };
  }
  if (fromVariable) {
    return { ...row, status: "ok", summary: "Sessions are sealed with SESSION_SECRET." };
  }
  if (env.falKey) {
    return {
      ...row,
      status: "ok",
      summary:
        "Sessions are sealed with a key derived from the password and the fal key: changing either signs everyone out.",
      fix: `To keep sessions across key rotation, set SESSION_SECRET (openssl rand -hex 32) ${whereToSet(env)}.`,
    };
  }
  // Demo mode: the password is the only input, so a stolen cookie allows (slow) offline guessing.
  return {
    ...row,
    status: "warn",
    summary:
      "Sessions are sealed with a key derived from the password alone: someone holding a session cookie could test password guesses offline (slowly).",
    fix: `Set SESSION_SECRET (openssl rand -hex 32) ${whereToSet(env)}. Changing it also signs everyone out.`,
  };
}

/** Scheme and host only: a base URL may carry credentials or a token in its path. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "another backend";
  }
}
