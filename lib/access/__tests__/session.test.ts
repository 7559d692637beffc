import { describe, expect, it } from "vitest";
import { gateApiCall } from "@/lib/access/require-session";
import {
  openSession,
  passwordMatches,
  sealSession,
  SESSION_COOKIE,
  SESSION_TTL_SECONDS,
  sessionCookieOf,
} from "@/lib/access/session";
import { safeNextPath } from "@/lib/access/sign-in";
import { parseServerEnv } from "@/lib/server-env";

const env = parseServerEnv({ FAL_KEY: "k", ACCESS_PASSWORD: "correct horse battery" });

/** Flips one character in the middle of a seal, keeping it well-formed. */
function tamper(seal: string): string {
  const i = Math.floor(seal.length / 2);
  return seal.slice(0, i) + (seal[i] === "A" ? "B" : "A") + seal.slice(i + 1);
}

describe("access password", () => {
  it("accepts only the exact password", () => {
    expect(passwordMatches(env, "correct horse battery")).toBe(true);
    expect(passwordMatches(env, "correct horse batter")).toBe(false);
    expect(passwordMatches(env, "Correct horse battery")).toBe(false);
    expect(passwordMatches(env, "")).toBe(false);
    expect(passwordMatches(parseServerEnv({}), "")).toBe(false);
  });
});

describe("session cookie", () => {
  it("opens a session it sealed", async () => {
    const now = Date.UTC(2026, 10, 21, 12);
    const session = await openSession(env, await sealSession(env, now), now + 1000);
    expect(session?.expiresAt.getTime()).toBe(now + SESSION_TTL_SECONDS * 1000);
  });

  it("refuses a tampered, foreign, or garbage cookie", async () => {
    const seal = await sealSession(env);
    expect(await openSession(env, tamper(seal))).toBeNull();
    expect(await openSession(env, seal.slice(0, -3))).toBeNull();
    expect(await openSession(env, "Fe26.2**garbage")).toBeNull();
    expect(await openSession(env, "")).toBeNull();
    expect(await openSession(env, undefined)).toBeNull();
    const other = parseServerEnv({ FAL_KEY: "other", ACCESS_PASSWORD: "correct horse battery" });
    expect(await openSession(other, seal)).toBeNull();
  });

  it("expires after its lifetime, even with iron's own clock skew allowance", async () => {
    const issued = Date.now() - SESSION_TTL_SECONDS * 1000 - 5_000;
    const seal = await sealSession(env, issued);
    expect(await openSession(env, seal, issued + 1000)).not.toBeNull();
    expect(await openSession(env, seal)).toBeNull();
  });

  it("ends every session when the password changes, even with a fixed SESSION_SECRET", async () => {
    const secret = "s".repeat(40);
    const before = parseServerEnv({ ACCESS_PASSWORD: "first password", SESSION_SECRET: secret });
    const after = parseServerEnv({ ACCESS_PASSWORD: "second password", SESSION_SECRET: secret });
    const seal = await sealSession(before);
    expect(await openSession(before, seal)).not.toBeNull();
    expect(await openSession(after, seal)).toBeNull();
  });

  it("opens a seal once per process, yet every later use still checks secret, password and expiry", async () => {
    const secret = "s".repeat(40);
    const mine = parseServerEnv({ ACCESS_PASSWORD: "pw", SESSION_SECRET: secret });
    const issued = Date.now();
    const seal = await sealSession(mine, issued);
    const first = await openSession(mine, seal, issued + 1000);
    // Opened again from the cache: the same session.
    expect(await openSession(mine, seal, issued + 2000)).toEqual(first);
    // Not for a deployment with another secret or password, nor after its lifetime.
    const otherSecret = parseServerEnv({ ACCESS_PASSWORD: "pw", SESSION_SECRET: "t".repeat(40) });
    expect(await openSession(otherSecret, seal, issued + 3000)).toBeNull();
    const otherPassword = parseServerEnv({ ACCESS_PASSWORD: "pw2", SESSION_SECRET: secret });
    expect(await openSession(otherPassword, seal, issued + 3000)).toBeNull();
    expect(await openSession(mine, seal, issued + SESSION_TTL_SECONDS * 1000)).toBeNull();
    expect(await openSession(mine, tamper(seal), issued + 3000)).toBeNull();
  });

  it("reads the cookie among others", () => {
    const headers = new Headers({ cookie: `a=1; ${SESSION_COOKIE}=Fe26.2*x*y==; b=2` });
    expect(sessionCookieOf(headers)).toBe("Fe26.2*x*y==");
    expect(sessionCookieOf(new Headers())).toBeUndefined();
  });

  it("refuses API calls without a session in fal's error shape", async () => {
    const refusal = await gateApiCall(new Request("http://app/api/limits"), env);
    expect(refusal?.status).toBe(401);
    expect(await refusal?.json()).toMatchObject({ error_type: "proxy_unauthenticated" });
    const seal = await sealSession(env);
    const signedIn = new Request("http://app/api/limits", {
      headers: { cookie: `${SESSION_COOKIE}=${seal}` },
    });
    expect(await gateApiCall(signedIn, env)).toBeNull();
    expect(await gateApiCall(signedIn, parseServerEnv({}))).toBeNull();
  });
});

describe("the seal key without SESSION_SECRET", () => {
  it("is derived slowly (scrypt), so a stolen cookie is slow to test password guesses on", () => {
    // A lower bound, which a slow or busy machine only makes easier to pass. HKDF takes ~10 µs.
    const started = performance.now();
    const env = parseServerEnv({ ACCESS_PASSWORD: `unique-${Math.random()}` });
    expect(performance.now() - started).toBeGreaterThan(10);
    expect(env.access.sessionSecret).toMatch(/^[0-9a-f]{64}$/);
  });

  it("depends on the fal key too, which a cookie thief cannot guess", () => {
    const password = "the-same-password";
    const demo = parseServerEnv({ ACCESS_PASSWORD: password }).access.sessionSecret;
    const live = parseServerEnv({ ACCESS_PASSWORD: password, FAL_KEY: "k" }).access.sessionSecret;
    expect(live).not.toBe(demo);
  });
});

describe("after sign-in", () => {
  const ORIGIN = "https://studio.example";
  /** Where a browser lands for a redirect to `path` (Node's URL parser is the WHATWG one). */
  const landsOn = (path: string) => new URL(path, ORIGIN).origin;

  it.each([
    ["/", "/"],
    ["/setup", "/setup"],
    ["/?a=1", "/?a=1"],
    ["/?next=%2F%2Fevil.example", "/?next=%2F%2Fevil.example"],
    ["/%2F/evil.example", "/%2F/evil.example"],
    ["/setup#limits", "/setup#limits"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["\\/evil.example", "/"],
    ["/\\/evil.example", "/"],
    ["https://evil.example", "/"],
    ["https:evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/sign-in?next=/x", "/"],
    ["/sign-in/", "/"],
    ["/./sign-in", "/"],
    ["/x/../sign-in", "/"],
    ["%2F%2Fevil.example", "/"],
    ["／／evil.example", "/"],
    ["/／evil.example", "/"],
    ["/" + "a".repeat(3000), "/"],
    [undefined, "/"],
    [["/setup"], "/"],
  ])("goes to %s → %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  // Every C0 and C1 control, DEL, and the spaces some parsers trim, in each place that could
  // turn a path into another host once a browser has dropped or rewritten it.
  const characters = [
    ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(i)),
    ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u3000",
    "\\",
  ];
  const templates = [
    (c: string) => `/${c}/evil.example`,
    (c: string) => `${c}//evil.example`,
    (c: string) => `/${c}${c}/evil.example`,
    (c: string) => `//${c}evil.example`,
    (c: string) => `/${c}\\evil.example`,
    (c: string) => `${c}/${c}/evil.example`,
    (c: string) => `/setup${c}`,
  ];
  it.each(characters.map((c) => [c.codePointAt(0)!.toString(16).padStart(4, "0"), c]))(
    "never leaves the site with U+%s in the path",
    (_code, c) => {
      for (const template of templates) {
        const next = template(c);
        const safe = safeNextPath(next);
        expect(landsOn(safe), JSON.stringify(next)).toBe(ORIGIN);
        // Whatever is kept is kept exactly: nothing a browser would rewrite.
        if (safe !== "/") expect(safe).toBe(next);
      }
    },
  );
});
