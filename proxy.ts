/**
 * Next's request proxy (the file convention formerly called middleware; unrelated to the fal
 * proxy at /api/fal/proxy). It runs before every page: the access gate, and a fresh CSP nonce per
 * page. API routes skip it (see `config` below) and check the session themselves, as server
 * actions do.
 */
import { NextResponse, type NextRequest } from "next/server";
import { openSession, SESSION_COOKIE } from "@/lib/access/session";
import { PROXY_ERROR_TYPES, proxyError, UNAUTHENTICATED_DETAIL } from "@/lib/proxy/refusal";
import { accessPolicy, serverEnv } from "@/lib/server-env";
import { contentSecurityPolicy, SECURITY_HEADERS } from "@/lib/security/content-security-policy";
import { sharePageStatus } from "@/lib/shares/share-page";

export const SIGN_IN_PATH = "/sign-in";
const PUBLIC_PATHS = new Set([SIGN_IN_PATH, "/icon.svg", "/favicon.ico", "/robots.txt"]);
/** A share page: clients open it without the playground's password (the share decides). */
const SHARE_PAGE = /^\/s\/[A-Za-z0-9_-]{22}$/;
/** A share page's images. Nothing here spends. */
const SHARE_IMAGE = /^\/s\/[A-Za-z0-9_-]{22}\/image\/\d{1,2}(?:\/download|\/ref\/\d)?$/;

function isPublic(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || SHARE_PAGE.test(pathname) || SHARE_IMAGE.test(pathname);
}

export async function proxy(request: NextRequest) {
  const env = serverEnv();
  const { pathname, search } = request.nextUrl;
  const gated = accessPolicy(env) === "password";

  if (gated && !isPublic(pathname)) {
    const session = await openSession(env, request.cookies.get(SESSION_COOKIE)?.value);
    if (!session) {
      if (pathname.startsWith("/api/")) {
        return withSecurityHeaders(
          proxyError(401, UNAUTHENTICATED_DETAIL, PROXY_ERROR_TYPES.unauthenticated),
        );
      }
      const signIn = new URL(SIGN_IN_PATH, request.url);
      signIn.searchParams.set("next", `${pathname}${search}`);
      return withSecurityHeaders(NextResponse.redirect(signIn, 303));
    }
  }
  if (!gated && pathname === SIGN_IN_PATH) {
    return withSecurityHeaders(NextResponse.redirect(new URL("/", request.url), 303));
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy({
    nonce,
    upstreamUrl: env.upstreamUrl,
    extraSources: env.cspExtraSources,
    dev: process.env.NODE_ENV === "development",
  });
  // Next reads the nonce from the request's policy and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  // A page cannot set its own status: a gone share answers 410 and a missing one 404 from here,
  // while the page renders what to say.
  const shareStatus =
    SHARE_PAGE.test(pathname) && request.method === "GET"
      ? await sharePageStatus(pathname.slice(3))
      : 200;
  const response =
    shareStatus === 200
      ? NextResponse.next({ request: { headers: requestHeaders } })
      : NextResponse.rewrite(request.nextUrl, {
          status: shareStatus,
          request: { headers: requestHeaders },
        });
  response.headers.set("Content-Security-Policy", policy);
  return withSecurityHeaders(response);
}

function withSecurityHeaders<T extends Response>(response: T): T {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

/**
 * Every path but Next's static files and the API. Running this proxy costs each request a few ms
 * through `next start` (npm run bench -- proxy-deployed), which a status poll pays every time;
 * API routes need no nonce, and each checks the session itself (lib/access/require-session.ts;
 * the share feedback and demo files are public by design). Next runs this proxy when either the
 * raw or the decoded path matches, so `/api%2F..` tricks still reach it; tests/integration
 * /api-gate.test.ts and e2e/locked/api-gate.spec.ts hold every API route to its own check.
 * Prefetches are not skipped (Next's CSP example does): a request header must never bypass the gate.
 */
export const config = { matcher: ["/((?!api/|_next/static|_next/image).*)"] };
