/**
 * The `error_type` values the proxy itself answers with, so the browser can tell them from fal's.
 * One list for the proxy, the limiter and the browser's error mapping.
 */
export const PROXY_ERROR_TYPES = {
  refused: "proxy_refused",
  unreachable: "proxy_upstream_unreachable",
  timeout: "proxy_upstream_timeout",
  unauthenticated: "proxy_unauthenticated",
  notConfigured: "proxy_not_configured",
  rateLimited: "proxy_rate_limited",
  budgetExhausted: "proxy_budget_exhausted",
  limitsUnavailable: "proxy_limits_unavailable",
  /** fal did not confirm a submit in time: it may have started, so it is never sent again by itself. */
  submitUnconfirmed: "proxy_submit_unconfirmed",
} as const;
export type ProxyErrorType = (typeof PROXY_ERROR_TYPES)[keyof typeof PROXY_ERROR_TYPES];

/**
 * The answers that stay the same however often they are asked (who may run, the limits, a submit
 * nobody can vouch for). The `proxy_upstream_*` answers are fal being away, which waiting can fix.
 */
export const FINAL_PROXY_ERROR_TYPES = [
  PROXY_ERROR_TYPES.refused,
  PROXY_ERROR_TYPES.unauthenticated,
  PROXY_ERROR_TYPES.notConfigured,
  PROXY_ERROR_TYPES.rateLimited,
  PROXY_ERROR_TYPES.budgetExhausted,
  PROXY_ERROR_TYPES.limitsUnavailable,
  PROXY_ERROR_TYPES.submitUnconfirmed,
] as const;
export type FinalProxyErrorType = (typeof FINAL_PROXY_ERROR_TYPES)[number];

export function isFinalProxyErrorType(type: unknown): type is FinalProxyErrorType {
  return (FINAL_PROXY_ERROR_TYPES as readonly unknown[]).includes(type);
}

/** The proxy's passing trouble reaching fal: worth following again after a pause. */
export function isTransientProxyErrorType(type: unknown): boolean {
  return type === PROXY_ERROR_TYPES.unreachable || type === PROXY_ERROR_TYPES.timeout;
}
