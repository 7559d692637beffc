import { describe, expect, it } from "vitest";
import { clientIp, clientKey, SHARED_CLIENT } from "@/lib/limits/client-identity";
import { createLimiter, SIGN_IN_ATTEMPTS_PER_MINUTE } from "@/lib/limits/limiter";
import { createMemoryStore } from "@/lib/limits/memory-store";
import { maxRunCostUsd } from "@/lib/limits/run-cost";
import { parseServerEnv } from "@/lib/server-env";

const NOON = Date.UTC(2026, 10, 21, 12, 0, 10);

describe("run cost before the run", () => {
  it.each([
    [{}, 0.021],
    [{ num_images: 4 }, 0.084],
    [{ image_size: "landscape_16_9" }, 0.018],
    [{ image_size: "landscape_16_9", num_images: 4 }, 0.074],
    [{ image_size: { width: 1920, height: 1080 } }, 0.018],
    [
      { keep_original_aspect: true, image_size: "landscape_16_9", reference_image_urls: ["a"] },
      0.021,
    ],
    // With two references the endpoint ignores keep_original_aspect: the requested size holds.
    [
      {
        keep_original_aspect: true,
        image_size: "landscape_16_9",
        reference_image_urls: ["a", "b"],
      },
      0.018,
    ],
  ] as const)("%j costs at most $%s", (input, usd) => {
    expect(maxRunCostUsd(input)).toBeCloseTo(usd, 3);
  });
});

describe("limits", () => {
  it("allows runs per client per minute, then refuses with the reset", async () => {
    const limiter = createLimiter({ runsPerMinute: 2, dailyBudgetUsd: null }, createMemoryStore());
    expect((await limiter.admitRun("a", 0.02, NOON)).ok).toBe(true);
    expect((await limiter.admitRun("a", 0.02, NOON)).ok).toBe(true);
    const third = await limiter.admitRun("a", 0.02, NOON);
    expect(third).toMatchObject({ ok: false, errorType: "proxy_rate_limited" });
    if (third.ok) throw new Error("admitted");
    expect(third.resetsAt.toISOString()).toBe("2026-11-21T12:01:00.000Z");
    expect(third.detail).toContain("2 runs per minute");
    expect(third.detail).toContain("in 50 seconds");
    expect((await limiter.admitRun("b", 0.02, NOON)).ok).toBe(true);
    expect((await limiter.admitRun("a", 0.02, NOON + 60_000)).ok).toBe(true);
  });

  it("caps the day's spend for everyone and resets at UTC midnight", async () => {
    const limiter = createLimiter(
      { runsPerMinute: null, dailyBudgetUsd: 0.05 },
      createMemoryStore(),
    );
    expect((await limiter.admitRun("a", 0.021, NOON)).ok).toBe(true);
    expect((await limiter.admitRun("b", 0.021, NOON)).ok).toBe(true);
    const refused = await limiter.admitRun("c", 0.021, NOON);
    if (refused.ok) throw new Error("admitted");
    expect(refused.errorType).toBe("proxy_budget_exhausted");
    expect(refused.detail).toBe(
      "Today's spend cap is reached: $0.042 of $0.050 spent, and this run could cost up to $0.021. The cap resets at 00:00 UTC (in 12 hours).",
    );
    expect(refused.resetsAt.toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect((await limiter.admitRun("c", 0.008, NOON)).ok).toBe(true);
    expect((await limiter.admitRun("c", 0.021, Date.UTC(2026, 10, 22, 0, 0, 1))).ok).toBe(true);
    const usage = await limiter.usage("a", NOON);
    expect(usage.dailyBudget).toEqual({
      limitUsd: 0.05,
      spentUsd: 0.05,
      resetsAt: "2026-11-22T00:00:00.000Z",
    });
  });

  it("says when one run costs more than the whole cap", async () => {
    const limiter = createLimiter(
      { runsPerMinute: null, dailyBudgetUsd: 0.05 },
      createMemoryStore(),
    );
    const refused = await limiter.admitRun("a", 0.084, NOON);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.detail).toContain("more than this playground's daily cap");
  });

  it("gives a released reservation back, and a refusal takes nothing", async () => {
    const limiter = createLimiter({ runsPerMinute: 1, dailyBudgetUsd: 0.05 }, createMemoryStore());
    const first = await limiter.admitRun("a", 0.021, NOON);
    if (!first.ok) throw new Error("refused");
    expect((await limiter.admitRun("a", 0.021, NOON)).ok).toBe(false);
    await first.release();
    expect(await limiter.usage("a", NOON)).toMatchObject({
      runsPerMinute: { used: 0 },
      dailyBudget: { spentUsd: 0 },
    });
    expect((await limiter.admitRun("a", 0.021, NOON)).ok).toBe(true);
  });

  it("has no counters at all when both limits are off", async () => {
    const limiter = createLimiter(
      { runsPerMinute: null, dailyBudgetUsd: null },
      createMemoryStore(),
    );
    for (let i = 0; i < 50; i++) expect((await limiter.admitRun("a", 1, NOON)).ok).toBe(true);
    expect(await limiter.usage("a", NOON)).toEqual({
      runsPerMinute: null,
      dailyBudget: null,
      store: "memory",
    });
  });

  it("limits sign-in attempts per client per minute", async () => {
    const limiter = createLimiter(
      { runsPerMinute: null, dailyBudgetUsd: null },
      createMemoryStore(),
    );
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_MINUTE; i++) {
      expect((await limiter.admitSignIn("a", NOON)).ok).toBe(true);
    }
    expect((await limiter.admitSignIn("a", NOON)).ok).toBe(false);
    expect((await limiter.admitSignIn("b", NOON)).ok).toBe(true);
  });
});

describe("client identity", () => {
  const vercel = parseServerEnv({ VERCEL: "1" });
  const local = parseServerEnv({});

  it("uses Vercel's own header, never the client's X-Forwarded-For", () => {
    const spoofed = new Headers({
      "x-forwarded-for": "6.6.6.6, 203.0.113.7",
      "x-vercel-forwarded-for": "203.0.113.7",
    });
    expect(clientIp(spoofed, vercel)).toBe("203.0.113.7");
    const other = new Headers({
      "x-forwarded-for": "7.7.7.7",
      "x-vercel-forwarded-for": "203.0.113.7",
    });
    expect(clientKey(other, vercel)).toBe(clientKey(spoofed, vercel));
    expect(clientKey(spoofed, vercel)).not.toContain("203");
  });

  it("puts everyone in one bucket when nothing can be believed", () => {
    // This process does not stamp connections, so the header is a client's word like any other.
    const headers = new Headers({
      "x-forwarded-for": "6.6.6.6",
      "x-real-ip": "6.6.6.6",
      "x-playground-connection": "6.6.6.6",
    });
    expect(clientKey(headers, local)).toBe(SHARED_CLIENT);
    expect(clientKey(new Headers(), vercel)).toBe(SHARED_CLIENT);
  });

  it("counts an IPv6 client by its /64, however it is written", () => {
    const cf = parseServerEnv({ TRUSTED_IP_HEADER: "cf-connecting-ip" });
    const key = (ip: string) => clientKey(new Headers({ "cf-connecting-ip": ip }), cf);
    const home = key("2001:db8:1:2::1");
    for (const same of [
      "2001:db8:1:2:ffff:ffff:ffff:fffe",
      "2001:0DB8:0001:0002:0000:0000:0000:0009",
      "[2001:db8:1:2::abcd]",
      "2001:db8:1:2::1%eth0",
    ]) {
      expect(key(same), same).toBe(home);
    }
    for (const other of ["2001:db8:1:3::1", "2001:db8:2:2::1", "::1", "2001:db8::1:2:0:1"]) {
      expect(key(other), other).not.toBe(home);
    }
    expect(key("::ffff:198.51.100.7")).toBe(key("198.51.100.7"));
    expect(key("198.51.100.7")).not.toBe(key("198.51.100.8"));
  });

  it("uses a configured header, and the last X-Forwarded-For entry (the trusted proxy's)", () => {
    const cf = parseServerEnv({ TRUSTED_IP_HEADER: "CF-Connecting-IP" });
    expect(clientIp(new Headers({ "cf-connecting-ip": "2001:DB8::1" }), cf)).toBe("2001:db8::1");
    const xff = parseServerEnv({ TRUSTED_IP_HEADER: "x-forwarded-for" });
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.2" }), xff)).toBe(
      "198.51.100.2",
    );
    expect(clientIp(new Headers({ "cf-connecting-ip": "<script>" }), cf)).toBeNull();
  });
});
