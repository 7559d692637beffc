import { ApiError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { isTransient } from "@/lib/fal/follow";

const api = (status: number, body?: object) => new ApiError({ message: "x", status, body });

describe("which failures a run waits out", () => {
  it("waits out the network and gateways, while following and while fetching the result", () => {
    for (const fetchingResult of [false, true]) {
      expect(isTransient(new TypeError("Failed to fetch"), fetchingResult)).toBe(true);
      expect(
        isTransient(
          api(502, { detail: "x", error_type: "proxy_upstream_unreachable" }),
          fetchingResult,
        ),
      ).toBe(true);
      expect(isTransient(api(503), fetchingResult)).toBe(true);
    }
  });

  it("never retries a result that is the job's own failure", () => {
    expect(
      isTransient(
        api(500, { detail: "Internal server error", error_type: "internal_error" }),
        true,
      ),
    ).toBe(false);
    expect(isTransient(api(422, { detail: [] }), true)).toBe(false);
    expect(isTransient(api(500), false)).toBe(true);
  });

  it("stops on what says the run is refused or gone", () => {
    for (const status of [400, 401, 403, 404, 422]) expect(isTransient(api(status))).toBe(false);
    expect(isTransient(new Error("something else"))).toBe(false);
  });

  it("stops when a status stream says the app is signed out or locked", () => {
    expect(isTransient(api(401, { detail: "x", error_type: "proxy_unauthenticated" }))).toBe(false);
    expect(isTransient(api(503, { detail: "x", error_type: "proxy_not_configured" }))).toBe(false);
  });
});
