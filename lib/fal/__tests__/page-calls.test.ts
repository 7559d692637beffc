import { ApiError, ValidationError } from "@fal-ai/client";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { isFalApiError } from "@/lib/fal/errors";

// Stands in for lib/fal/client.ts: counts how often the page's calls load it.
const client = vi.hoisted(() => ({ loads: 0, fail: false }));
vi.mock("@/lib/fal/client", () => {
  client.loads++;
  return {
    createPlaygroundFalClient: () => ({}),
    playgroundCalls: () => {
      if (client.fail) throw new Error("chunk failed");
      return { uploadFile: async () => "https://fal.media/files/x.png" };
    },
  };
});

describe("the page's fal calls", () => {
  beforeEach(() => {
    vi.resetModules();
    client.loads = 0;
    client.fail = false;
  });

  it("load the fal client on the first call, not with the page, and only once", async () => {
    const calls = await import("@/lib/fal/page-calls");
    expect(client.loads).toBe(0);
    const blob = new Blob(["x"]);
    await Promise.all([calls.uploadFile(blob), calls.uploadFile(blob)]);
    await calls.uploadFile(blob);
    expect(client.loads).toBe(1);
  });

  it("try again on the next call after the client failed to load", async () => {
    const calls = await import("@/lib/fal/page-calls");
    client.fail = true;
    await expect(calls.uploadFile(new Blob(["x"]))).rejects.toThrow("chunk failed");
    client.fail = false;
    await expect(calls.uploadFile(new Blob(["x"]))).resolves.toBe("https://fal.media/files/x.png");
  });
});

describe("telling fal's errors without importing the client", () => {
  it("knows ApiError and ValidationError by name, and nothing else", () => {
    const api = new ApiError({ message: "Bad gateway", status: 502, body: {} });
    const validation = new ValidationError({ message: "Invalid", status: 422, body: {} });
    expect(isFalApiError(api)).toBe(true);
    expect(isFalApiError(validation)).toBe(true);
    expect(isFalApiError(new Error("ApiError"))).toBe(false);
    expect(isFalApiError(new TypeError("Failed to fetch"))).toBe(false);
    expect(isFalApiError({ name: "ApiError", status: 500 })).toBe(false);
  });
});
