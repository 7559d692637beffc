import { describe, expect, it } from "vitest";
import { checkTarget, forwardedFalHeaders, isRefusal } from "@/lib/proxy/policy";
import { rebaseFalUrl } from "@/lib/proxy/upstream";
import { parseServerEnv, modeOf } from "@/lib/server-env";

const ID = "0b9d5c1e-4f7a-4c3b-9a2e-6d8f1e2a3b4c";
const APP = "https://queue.fal.run/fal-ai/hidream-o1-image";

describe("proxy policy", () => {
  it.each([
    ["POST", `${APP}/dev/edit`, "submit", `${APP}/dev/edit`],
    ["POST", `${APP}/dev/edit?fal_webhook=https://evil/x`, "submit", `${APP}/dev/edit`],
    [
      "GET",
      `${APP}/requests/${ID}/status?logs=1&x=y`,
      "status",
      `${APP}/requests/${ID}/status?logs=1`,
    ],
    [
      "GET",
      `${APP}/requests/${ID}/status/stream?logs=0`,
      "stream",
      `${APP}/requests/${ID}/status/stream?logs=0`,
    ],
    ["GET", `${APP}/requests/${ID}`, "result", `${APP}/requests/${ID}`],
    ["PUT", `${APP}/requests/${ID}/cancel`, "cancel", `${APP}/requests/${ID}/cancel`],
    [
      "POST",
      "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
      "initiate",
      "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
    ],
  ])("lets %s %s through as %s, normalized", (method, target, kind, normalized) => {
    const call = checkTarget(method, target);
    expect(isRefusal(call)).toBe(false);
    if (!isRefusal(call)) {
      expect(call.kind).toBe(kind);
      expect(call.url.toString()).toBe(normalized);
    }
  });

  it("maps fal hosts onto a fal-compatible base, keeping path and query", () => {
    const status = checkTarget("GET", `${APP}/requests/${ID}/status?logs=1`);
    const storage = checkTarget(
      "POST",
      "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
    );
    if (isRefusal(status) || isRefusal(storage)) throw new Error("expected allowed calls");
    expect(rebaseFalUrl(status, "http://gw:9/")).toBe(
      `http://gw:9/fal-ai/hidream-o1-image/requests/${ID}/status?logs=1`,
    );
    expect(rebaseFalUrl(storage, "http://gw:9")).toBe(
      "http://gw:9/storage/upload/initiate?storage_type=fal-cdn-v3",
    );
  });

  it("forwards only the x-fal headers the client sends, with sane values", () => {
    const headers = new Headers({
      "x-fal-queue-priority": "urgent",
      "x-fal-request-timeout": "30",
      "x-fal-target-url": "https://x",
      "x-fal-anything": "1",
    });
    expect(forwardedFalHeaders(headers, "submit")).toEqual({ "x-fal-request-timeout": "30" });
  });

  it("sends each x-fal header only with the call it belongs to", () => {
    const headers = new Headers({
      "x-fal-queue-priority": "low",
      "x-fal-object-lifecycle": JSON.stringify({ expiration_duration_seconds: 3600 * 48 }),
    });
    expect(forwardedFalHeaders(headers, "submit")).toEqual({ "x-fal-queue-priority": "low" });
    expect(forwardedFalHeaders(headers, "initiate")).toEqual({
      "x-fal-object-lifecycle": '{"expiration_duration_seconds":172800}',
    });
    expect(forwardedFalHeaders(headers, "status")).toEqual({});
  });

  it.each([
    ["a century", { expiration_duration_seconds: 100 * 365 * 86_400 }, 2_592_000],
    ["a minute", { expiration_duration_seconds: 60 }, 86_400],
    [
      "an ACL beside a week",
      { expiration_duration_seconds: 604_800, initial_acl: "public" },
      604_800,
    ],
    ["a string", { expiration_duration_seconds: "forever" }, undefined],
    ["not JSON", "{never", undefined],
    ["infinity in JSON", '{"expiration_duration_seconds": 1e999}', undefined],
  ])("bounds a lifecycle asking for %s", (_name, value, seconds) => {
    const raw = typeof value === "string" ? value : JSON.stringify(value);
    for (const [name, kind] of [
      ["x-fal-object-lifecycle", "initiate"],
      ["x-fal-object-lifecycle-preference", "submit"],
    ] as const) {
      const kept = forwardedFalHeaders(new Headers({ [name]: raw }), kind)[name];
      expect(kept && JSON.parse(kept)).toEqual(
        seconds === undefined ? undefined : { expiration_duration_seconds: seconds },
      );
    }
  });
});

describe("server environment", () => {
  it("is demo mode without a key and live with one", () => {
    expect(modeOf(parseServerEnv({}))).toBe("demo");
    expect(modeOf(parseServerEnv({ FAL_KEY: "  " }))).toBe("demo");
    expect(parseServerEnv({ FAL_KEY_ID: "id", FAL_KEY_SECRET: "s" }).falKey).toBe("id:s");
    expect(modeOf(parseServerEnv({ FAL_KEY: "k" }))).toBe("live");
  });

  it("rejects an upstream that is not an http(s) URL", () => {
    expect(() => parseServerEnv({ FAL_UPSTREAM_URL: "ftp://x" })).toThrow(/FAL_UPSTREAM_URL/);
    expect(parseServerEnv({ FAL_UPSTREAM_URL: "http://127.0.0.1:4010/" }).upstreamUrl).toBe(
      "http://127.0.0.1:4010",
    );
  });
});
