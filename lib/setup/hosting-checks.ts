/** Setup rows about Vercel's function limits: how long the proxy may run, and how big a body is. */
import { config as proxyRoute } from "@/pages/api/fal/proxy";
import { MAX_JSON_BODY_BYTES } from "@/lib/proxy/read-body";
import type { SetupCheck } from "./setup-check";

/** Vercel refuses function request and response bodies above 4.5 MB (413). */
export const VERCEL_BODY_LIMIT_BYTES = 4_500_000;
/** A run's usual length without queue time; a stream cut sooner reconnects more than once per run. */
const LONGEST_TYPICAL_RUN_S = 60;

const megabytes = (bytes: number) => `${Number((bytes / 1_000_000).toFixed(1))} MB`;

/** The proxy's maxDuration against a run's length: a cut status stream reconnects, so it is ok. */
export function runtimeLimitsCheck(duration: number = proxyRoute.maxDuration): SetupCheck {
  const row = { id: "runtime-limits", label: "Runtime limits" } as const;
  const summary = `The fal proxy may run ${duration} s per request (maxDuration); runs take about 20–60 s plus queue time, and a status stream cut at the limit reconnects.`;
  const hobby =
    "On Vercel Hobby without Fluid compute, functions stop at 60 s at most: runs still finish through reconnects, at one reconnect per minute.";
  if (duration >= LONGEST_TYPICAL_RUN_S) return { ...row, status: "ok", summary, fix: hobby };
  return {
    ...row,
    status: "warn",
    summary: `${summary} At ${duration} s a long run reconnects several times.`,
    fix: `Raise maxDuration in pages/api/fal/proxy.ts to ${LONGEST_TYPICAL_RUN_S} or more (300 with Fluid compute).`,
  };
}

/** The proxy's JSON body cap against Vercel's: files must go to fal storage, not through us. */
export function requestBodyCheck(limit: number = MAX_JSON_BODY_BYTES): SetupCheck {
  const row = { id: "request-body", label: "Request body limit" } as const;
  const summary = `The proxy accepts JSON bodies up to ${megabytes(limit)}, under Vercel's ${megabytes(VERCEL_BODY_LIMIT_BYTES)}; images go straight to fal storage.`;
  const advice = `Keep sync_mode off on Vercel: its data-URI answers can exceed ${megabytes(VERCEL_BODY_LIMIT_BYTES)}.`;
  if (limit <= VERCEL_BODY_LIMIT_BYTES) return { ...row, status: "ok", summary, fix: advice };
  return {
    ...row,
    status: "warn",
    summary: `The proxy accepts JSON bodies up to ${megabytes(limit)}, more than Vercel's ${megabytes(VERCEL_BODY_LIMIT_BYTES)}: larger ones fail with 413 before the proxy sees them.`,
    fix: `Lower MAX_JSON_BODY_BYTES in lib/proxy/read-body.ts to ${megabytes(VERCEL_BODY_LIMIT_BYTES)} or less. ${advice}`,
  };
}
