/**
 * Next's request proxy (the file convention formerly called middleware; unrelated to the fal
 * proxy at /api/fal/proxy). It runs before every page and API route: the access gate, and a fresh
 * CSP nonce per page. The fal proxy and server actions check the session again themselves.
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
/** The rest of what a share page calls: its images and the feedback API. Nothing here spends. */
const SHARE_PUBLIC = [
  /^\/s\/[A-Za-z0-9_-]{22}\/image\/\d{1,2}(?:\/download|\/ref\/\d)?$/,
  /^\/api\/s\/[A-Za-z0-9_-]{22}\/feedback$/,
];
/** The demo backend's files are public by URL, as fal's media links are (a share shows them). */
const DEMO_FILE = /^\/api\/demo-fal\/files\/[A-Za-z0-9]+\/[^/]+$/;

function isPublic(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  if (PUBLIC_PATHS.has(pathname) || SHARE_PAGE.test(pathname)) return true;
  if (SHARE_PUBLIC.some((pattern) => pattern.test(pathname))) return true;
  return (request.method === "GET" || request.method === "HEAD") && DEMO_FILE.test(pathname);
}

export async function proxy(request: NextRequest) {
  const env = serverEnv();
  const { pathname, search } = request.nextUrl;
  const gated = accessPolicy(env) === "password";

  if (gated && !isPublic(request)) {
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

// Prefetches are not skipped (Next's CSP example does): a request header must never bypass the gate.
export const config = { matcher: ["/((?!_next/static|_next/image).*)"] };
