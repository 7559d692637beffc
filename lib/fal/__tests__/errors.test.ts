import { ApiError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import {
  FINAL_PROXY_ERROR_TYPES,
  ProxyRefusalError,
  proxyRefusalTypeOf,
  readProxyRefusal,
  SubmitError,
  toRunError,
  type FinalProxyErrorType,
} from "@/lib/fal/errors";
import { proxyError, UNAUTHENTICATED_DETAIL } from "@/lib/proxy/refusal";
import { describeError } from "@/lib/runs/run-error";

const toUserFacingError = (error: unknown) => describeError(toRunError(error));

const refusal = (status: number, error_type: FinalProxyErrorType, detail = "Because.") =>
  new ProxyRefusalError(status, { detail, error_type });

describe("what the user reads when the proxy refuses", () => {
  it("names each refusal in words and passes the proxy's sentence through", () => {
    const cases: [number, FinalProxyErrorType, string, boolean][] = [
      [401, "proxy_unauthenticated", "Sign in again", true],
      [503, "proxy_not_configured", "This deployment is locked", false],
      [429, "proxy_rate_limited", "Too many runs this minute", true],
      [429, "proxy_budget_exhausted", "Not enough budget left today", true],
      [503, "proxy_limits_unavailable", "Limits unavailable", true],
      [400, "proxy_refused", "Blocked by this app's proxy", false],
      [504, "proxy_submit_unconfirmed", "fal did not confirm this run", true],
    ];
    expect(cases.map(([, type]) => type).sort()).toEqual([...FINAL_PROXY_ERROR_TYPES].sort());
    for (const [status, type, title, retryable] of cases) {
      const error = toUserFacingError(refusal(status, type, `Detail for ${type}.`));
      expect(error.title).toBe(title);
      expect(error.message).toContain(`Detail for ${type}.`);
      expect(error.retryable).toBe(retryable);
    }
  });

  it("tells a signed-out user to reload, even when the detail does not", () => {
    expect(toUserFacingError(refusal(401, "proxy_unauthenticated", "No session.")).message).toBe(
      "No session. Reload the page to sign in again.",
    );
    expect(
      toUserFacingError(refusal(401, "proxy_unauthenticated", UNAUTHENTICATED_DETAIL)).message,
    ).toBe(UNAUTHENTICATED_DETAIL);
  });

  it("reads a refusal that arrives as an ApiError from a status stream the same way", () => {
    const error = new ApiError({
      message: "Unauthorized",
      status: 401,
      body: { detail: UNAUTHENTICATED_DETAIL, error_type: "proxy_unauthenticated" },
    });
    expect(proxyRefusalTypeOf(error)).toBe("proxy_unauthenticated");
    expect(toUserFacingError(error).title).toBe("Sign in again");
  });

  it("keeps fal's own errors and the proxy's upstream troubles as they were", () => {
    const falBusy = new ApiError({ message: "x", status: 429, body: { detail: "Slow down." } });
    expect(proxyRefusalTypeOf(falBusy)).toBeUndefined();
    expect(toUserFacingError(falBusy).title).toBe("Too many runs at once");
    const unreachable = new ApiError({
      message: "x",
      status: 502,
      body: {
        detail: "Could not reach fal (ECONNREFUSED).",
        error_type: "proxy_upstream_unreachable",
      },
    });
    expect(proxyRefusalTypeOf(unreachable)).toBeUndefined();
    expect(toUserFacingError(unreachable)).toMatchObject({
      title: "Could not reach fal",
      retryable: true,
    });
  });
});

describe("what the user reads when a submit fails", () => {
  it("says a submit may have run when no answer or a gateway error came back", () => {
    for (const error of [
      new SubmitError(0, undefined),
      new SubmitError(502, { detail: "Bad gateway" }),
      new SubmitError(504, { detail: "Gateway timeout" }),
    ]) {
      const run = toRunError(error);
      expect(run.code).toBe("submit_unconfirmed");
      expect(describeError(run)).toMatchObject({
        title: "fal did not confirm this run",
        message: expect.stringMatching(/may (still )?have started/),
        retryable: true,
      });
    }
  });

  it("names fal's refusals of a submit as before", () => {
    expect(toRunError(new SubmitError(401, { detail: "No user found" })).code).toBe("fal_bad_key");
    expect(toRunError(new SubmitError(403, { detail: "Locked" })).code).toBe("fal_refused");
    expect(toRunError(new SubmitError(429, { detail: "Slow" })).code).toBe("fal_rate_limited");
    expect(
      toRunError(new SubmitError(502, { detail: "x", error_type: "proxy_upstream_unreachable" }))
        .code,
    ).toBe("proxy_upstream_unreachable");
  });
});

describe("reading a refusal from the proxy's response", () => {
  it("reads the type from the header and the detail and reset time from the body", async () => {
    const resetsAt = new Date(Date.now() + 30_000);
    const error = await readProxyRefusal(
      proxyError(429, "Six runs a minute.", "proxy_rate_limited", resetsAt),
    );
    expect(error).toBeInstanceOf(ProxyRefusalError);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error?.status).toBe(429);
    expect(error?.body).toEqual({
      detail: "Six runs a minute.",
      error_type: "proxy_rate_limited",
      resets_at: resetsAt.toISOString(),
    });
  });

  it("ignores answers that are not final refusals", async () => {
    expect(await readProxyRefusal(Response.json({ detail: "x" }, { status: 429 }))).toBeNull();
    expect(
      await readProxyRefusal(proxyError(502, "Could not reach fal.", "proxy_upstream_unreachable")),
    ).toBeNull();
  });
});
