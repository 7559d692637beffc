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

export const SIGN_IN_PATH = "/sign-in";
const PUBLIC_PATHS = new Set([SIGN_IN_PATH, "/icon.svg", "/favicon.ico", "/robots.txt"]);

export async function proxy(request: NextRequest) {
  const env = serverEnv();
  const { pathname, search } = request.nextUrl;
  const gated = accessPolicy(env) === "password";

  if (gated && !PUBLIC_PATHS.has(pathname)) {
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
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return withSecurityHeaders(response);
}

function withSecurityHeaders<T extends Response>(response: T): T {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

// Prefetches are not skipped (Next's CSP example does): a request header must never bypass the gate.
export const config = { matcher: ["/((?!_next/static|_next/image).*)"] };
