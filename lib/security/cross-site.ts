/**
 * Whether a request was made by another site's page. The API answers only this site's own pages:
 * a page elsewhere could otherwise make its visitors' browsers call it (a form, an image, a
 * fetch), spreading one stranger's calls over many addresses past the per-client limits, or
 * spending an open deployment's key from someone else's site. Cookies do not settle it: a
 * deployment without ACCESS_PASSWORD has none to check.
 *
 * Browsers say where a request comes from in Sec-Fetch-Site, which a page cannot set; only
 * "same-origin" and "none" (typed in the address bar, a bookmark) are this site's own. Older
 * browsers send no Sec-Fetch-Site, but do send Origin on every POST, compared with the origin the
 * browser used (`ownOrigin`). Requests from outside a browser (curl, the server SDKs, the tests)
 * carry neither and are judged by the rest of the gate.
 */
export function isCrossSite(headers: Headers, ownOrigin: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site !== "same-origin" && site !== "none";
  const origin = headers.get("origin");
  return origin !== null && origin !== ownOrigin;
}

export const CROSS_SITE_DETAIL =
  "Cross-site request refused: this API answers only the playground's own pages.";
