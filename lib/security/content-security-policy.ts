/**
 * The Content-Security-Policy of every page, and the other security headers. Scripts run only
 * with this response's nonce; images and connections go to our origin, fal's media and upload
 * hosts and, when FAL_UPSTREAM_URL is set, that backend.
 */

import securityHeaders from "./security-headers.json";

/**
 * fal's media hosts (results and uploaded files: fal.media, v2/v3/v3b.fal.media, and the older
 * storage.googleapis.com/falserverless bucket) and storage upload targets, which are on the same
 * hosts. UNVERIFIED against live fal from this network: if an upload or image is blocked, the
 * browser console names the host, and CSP_EXTRA_HOSTS adds it without a code change.
 */
export const FAL_MEDIA_SOURCES = [
  "https://fal.media",
  "https://*.fal.media",
  "https://storage.googleapis.com",
] as const;

export interface PolicyOptions {
  nonce: string;
  /** FAL_UPSTREAM_URL, when runs go to a fal-compatible backend instead of fal. */
  upstreamUrl?: string;
  /** CSP_EXTRA_HOSTS: more image/connection sources the deployer trusts. */
  extraSources?: readonly string[];
  /** `next dev` needs eval for React's debugging aids; production never does. */
  dev?: boolean;
}

/** The policy for one page response. */
export function contentSecurityPolicy({
  nonce,
  upstreamUrl,
  extraSources = [],
  dev,
}: PolicyOptions) {
  const upstream = upstreamUrl ? [new URL(upstreamUrl).origin] : [];
  const media = ["'self'", ...FAL_MEDIA_SOURCES, ...upstream, ...extraSources];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    // Inline style attributes come from React and the lightbox; styles cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": [...media, "blob:", "data:"],
    "connect-src": media,
    "font-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/**
 * Headers for every response, pages and API alike: pages get them from proxy.ts, API routes (which
 * skip it) from next.config.mjs, both from the one JSON file. Referrer-Policy is "same-origin",
 * not "no-referrer": Chrome then sends `Origin: null` on form posts, which Next's CSRF check for
 * server actions refuses (sign-in without JavaScript). Other sites still get no referrer.
 */
export const SECURITY_HEADERS: Record<string, string> = securityHeaders;
