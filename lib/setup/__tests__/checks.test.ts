import { describe, expect, it, vi } from "vitest";
import { CounterStoreUnavailable } from "@/lib/limits/counter-store";
import { parseServerEnv } from "@/lib/server-env";
import { checksHeadline, formatChecksForLog, setupChecks, type SetupCheck } from "../checks";
import { clientIdentityCheck } from "../limit-checks";

const KEY = "canary-setup-key-91f3";
const PASSWORD = "canary-password-7c2e-long";
const REDIS_PASSWORD = "s3cret";

type Vars = Record<string, string | undefined>;

const reachable = async () => {};
const unreachable = async () => {
  throw new CounterStoreUnavailable(
    `Redis at host:6379 is not reachable (WRONGPASS ${REDIS_PASSWORD} rejected)`,
  );
};

/** The rows for `vars`, with the raw variables as the source and a store that answers. */
function checksFor(vars: Vars, pingStore: () => Promise<void> = reachable) {
  return setupChecks(parseServerEnv(vars), { source: vars, pingStore, connectionStamped: false });
}

function row(checks: SetupCheck[], id: string): SetupCheck {
  const found = checks.find((check) => check.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
}

describe("setupChecks", () => {
  it("turns review links off on Vercel without Redis, and says what to set", async () => {
    const checks = await checksFor({ FAL_KEY: KEY, ACCESS_PASSWORD: PASSWORD, VERCEL: "1" });
    expect(row(checks, "shares-store").status).toBe("warn");
    expect(row(checks, "shares-store").fix).toMatch(/REDIS_URL/);
    const withRedis = await checksFor(
      { FAL_KEY: KEY, ACCESS_PASSWORD: PASSWORD, VERCEL: "1", REDIS_URL: "redis://127.0.0.1:1" },
      async () => {},
    );
    expect(row(withRedis, "shares-store").status).toBe("ok");
  });

  it("passes every row in demo mode with nothing set", async () => {
    const checks = await checksFor({});
    expect(checks.map((check) => [check.id, check.status])).toEqual([
      ["mode", "ok"],
      ["fal-key", "ok"],
      ["access-gate", "ok"],
      ["public-opt-in", "ok"],
      ["session-secret", "ok"],
      ["limits", "ok"],
      ["limits-store", "ok"],
      ["client-identity", "ok"],
      ["shares-store", "ok"],
      ["runtime-limits", "ok"],
      ["request-body", "ok"],
    ]);
    expect(row(checks, "shares-store").summary).toMatch(/SQLite file \(DATA_DIR\)/);
    expect(row(checks, "mode").summary).toMatch(/built-in demo backend/);
    expect(row(checks, "mode").fix).toMatch(/FAL_KEY/);
    expect(checksHeadline(checks)).toBe("Ready to share");
  });

  it("refuses live runs without a password and says to set ACCESS_PASSWORD", async () => {
    const checks = await checksFor({ FAL_KEY: KEY });
    const gate = row(checks, "access-gate");
    expect(gate.status).toBe("error");
    expect(gate.summary).toMatch(/runs are refused until/);
    expect(gate.fix).toMatch(/ACCESS_PASSWORD/);
    expect(row(checks, "fal-key").summary).toMatch(/FAL_KEY/);
  });

  it("warns when live runs are opened to anyone with ALLOW_PUBLIC_ACCESS", async () => {
    const checks = await checksFor({ FAL_KEY: KEY, ALLOW_PUBLIC_ACCESS: "true" });
    expect(row(checks, "access-gate")).toMatchObject({ status: "warn" });
    expect(row(checks, "access-gate").summary).toMatch(/anyone with the link can spend your key/);
    expect(row(checks, "public-opt-in").status).toBe("warn");
  });

  it("warns that memory counters on Vercel are per instance and names REDIS_URL", async () => {
    const checks = await checksFor({ FAL_KEY: KEY, ACCESS_PASSWORD: PASSWORD, VERCEL: "1" });
    const store = row(checks, "limits-store");
    expect(store.status).toBe("warn");
    expect(store.summary).toMatch(/each instance counts on its own/);
    expect(store.fix).toMatch(/REDIS_URL/);
    expect(store.fix).toMatch(/Vercel → Project → Settings → Environment Variables/);
  });

  it("reports an unreachable Redis as an error: runs fail closed", async () => {
    const vars = { FAL_KEY: KEY, ACCESS_PASSWORD: PASSWORD, REDIS_URL: "redis://h:6379" };
    const store = row(await checksFor(vars, unreachable), "limits-store");
    expect(store.status).toBe("error");
    expect(store.summary).toMatch(/unreachable.*fail closed/);
    expect(store.fix).toMatch(/REDIS_URL/);
  });

  it("gives up on a store that never answers after 3 s", async () => {
    vi.useFakeTimers();
    try {
      const pending = checksFor({ REDIS_URL: "redis://h:6379" }, () => new Promise(() => {}));
      await vi.advanceTimersByTimeAsync(3000);
      const store = row(await pending, "limits-store");
      expect(store.status).toBe("error");
      expect(store.summary).toMatch(/no answer within 3 s/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows a reachable Redis as host:port only, and only behind the password", async () => {
    const redisUrl = `redis://user:${REDIS_PASSWORD}@cache.example.com:6380`;
    const gated = row(
      await checksFor({ REDIS_URL: redisUrl, ACCESS_PASSWORD: PASSWORD }),
      "limits-store",
    );
    expect(gated).toMatchObject({ status: "ok" });
    expect(gated.summary).toContain("cache.example.com:6380");
    const open = row(await checksFor({ REDIS_URL: redisUrl }), "limits-store");
    expect(open).toMatchObject({
      status: "ok",
      summary: "Redis (REDIS_URL), shared by every instance.",
    });
  });

  it("never shows the key, the password or Redis credentials", async () => {
    const redisUrl = `redis://user:${REDIS_PASSWORD}@host:6379`;
    for (const pingStore of [reachable, unreachable]) {
      for (const vars of [
        { FAL_KEY: KEY, ACCESS_PASSWORD: PASSWORD, REDIS_URL: redisUrl },
        { FAL_KEY_ID: "canary-id", FAL_KEY_SECRET: KEY, ACCESS_PASSWORD: PASSWORD, VERCEL: "1" },
        { FAL_KEY: KEY, ALLOW_PUBLIC_ACCESS: "1", REDIS_URL: redisUrl },
      ]) {
        const checks = await checksFor(vars, pingStore);
        const shown = JSON.stringify(checks) + formatChecksForLog(checks);
        expect(shown).not.toContain(KEY);
        expect(shown).not.toContain(PASSWORD);
        expect(shown).not.toContain(REDIS_PASSWORD);
        expect(shown).not.toContain("canary-id");
      }
    }
  });

  it("says which variables hold the key without showing it", async () => {
    const vars = { FAL_KEY_ID: "id", FAL_KEY_SECRET: KEY, ACCESS_PASSWORD: PASSWORD };
    expect(row(await checksFor(vars), "fal-key").summary).toMatch(/FAL_KEY_ID \+ FAL_KEY_SECRET/);
    const half = row(await checksFor({ FAL_KEY_ID: "id" }), "fal-key");
    expect(half.status).toBe("warn");
    expect(half.fix).toMatch(/FAL_KEY_SECRET/);
  });

  it("warns about a password shorter than 12 characters", async () => {
    const gate = row(await checksFor({ FAL_KEY: KEY, ACCESS_PASSWORD: "short-pw" }), "access-gate");
    expect(gate.status).toBe("warn");
    expect(gate.summary).toMatch(/^Visitors must sign in/);
    expect(gate.fix).toMatch(/ACCESS_PASSWORD/);
    const long = row(await checksFor({ FAL_KEY: KEY, ACCESS_PASSWORD: PASSWORD }), "access-gate");
    expect(long).toMatchObject({ status: "ok", summary: "Visitors must sign in." });
  });

  it("warns when a live limit is turned off", async () => {
    const vars = { FAL_KEY: KEY, ACCESS_PASSWORD: PASSWORD, DAILY_BUDGET_USD: "unlimited" };
    const limits = row(await checksFor(vars), "limits");
    expect(limits.status).toBe("warn");
    expect(limits.summary).toMatch(/daily budget: unlimited/);
    expect(limits.fix).toMatch(/DAILY_BUDGET_USD/);
    expect(limits.fix).not.toMatch(/RUNS_PER_MINUTE/);
  });

  it("warns that with nothing to tell visitors apart every visitor shares one bucket", async () => {
    const vars = { FAL_KEY: KEY, ACCESS_PASSWORD: PASSWORD };
    const identity = row(await checksFor(vars), "client-identity");
    expect(identity.status).toBe("warn");
    expect(identity.fix).toMatch(/TRUSTED_IP_HEADER/);
    const trusted = row(
      await checksFor({ ...vars, TRUSTED_IP_HEADER: "X-Real-IP" }),
      "client-identity",
    );
    expect(trusted).toMatchObject({ status: "ok" });
    expect(trusted.summary).toContain("x-real-ip");
  });

  it("tells visitors apart by their connection when served directly, and spots a proxy", () => {
    const env = parseServerEnv({ FAL_KEY: KEY, ACCESS_PASSWORD: PASSWORD });
    const direct = new Headers({
      "x-playground-connection": "203.0.113.5",
      "x-forwarded-for": "203.0.113.5",
    });
    expect(clientIdentityCheck(env, { connectionStamped: true, request: direct })).toMatchObject({
      status: "ok",
      summary: expect.stringMatching(/own connection/),
    });
    const proxied = new Headers({
      "x-playground-connection": "10.0.0.2",
      "x-forwarded-for": "203.0.113.5",
    });
    const behind = clientIdentityCheck(env, { connectionStamped: true, request: proxied });
    expect(behind).toMatchObject({
      status: "warn",
      fix: expect.stringMatching(/TRUSTED_IP_HEADER/),
    });
  });

  it("notes the session key is derived from the password unless SESSION_SECRET is set", async () => {
    const derived = row(
      await checksFor({ FAL_KEY: KEY, ACCESS_PASSWORD: PASSWORD }),
      "session-secret",
    );
    expect(derived.status).toBe("ok");
    expect(derived.summary).toMatch(/derived from the password and the fal key/);
    expect(derived.fix).toMatch(/SESSION_SECRET/);
    // Demo mode has no key to mix in: the password alone would seal the cookie.
    const demo = row(await checksFor({ ACCESS_PASSWORD: PASSWORD }), "session-secret");
    expect(demo).toMatchObject({ status: "warn", fix: expect.stringMatching(/SESSION_SECRET/) });
    expect(demo.summary).toMatch(/password alone.*offline/);
    const own = row(
      await checksFor({ ACCESS_PASSWORD: PASSWORD, SESSION_SECRET: "x".repeat(32) }),
      "session-secret",
    );
    expect(own).toMatchObject({
      status: "ok",
      summary: "Sessions are sealed with SESSION_SECRET.",
    });
  });
});

describe("checksHeadline and formatChecksForLog", () => {
  it("counts the rows to fix and prints each fix under its row", async () => {
    const checks = await checksFor({ FAL_KEY: KEY, VERCEL: "1" });
    const problems = checks.filter((check) => check.status !== "ok").length;
    expect(problems).toBeGreaterThan(1);
    expect(checksHeadline(checks)).toBe(`${problems} things to fix`);

    const lines = formatChecksForLog(checks).split("\n");
    const gate = lines.findIndex((line) => line.startsWith("✗ Access gate"));
    expect(gate).toBeGreaterThanOrEqual(0);
    expect(lines[gate + 1]).toMatch(/^\s+→ Set ACCESS_PASSWORD/);
    expect(lines.filter((line) => /^[✓!✗] /.test(line))).toHaveLength(checks.length);
  });
});
