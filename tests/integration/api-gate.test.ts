/**
 * API routes skip Next's request proxy (proxy.ts's matcher), so the gate on them is each route's
 * own. Here every API route module (app/api, and pages/api through its web-standard handler) is
 * called as Next calls it, in a deployment with ACCESS_PASSWORD: without a session each refuses
 * with fal's 401 shape, with one it does not; and proxy.ts's matcher, compiled by Next's own code,
 * still runs for every page, however its path is written. (e2e/locked/api-gate.spec.ts sends the
 * same over HTTP to `next start`.)
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import * as staticInfo from "next/dist/build/analysis/get-page-static-info";
import { getMiddlewareRouteMatcher } from "next/dist/shared/lib/router/utils/middleware-route-matcher";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Next's own matcher compiler: exported by the module, though not declared in its types.
const { getMiddlewareMatchers } = staticInfo as unknown as {
  getMiddlewareMatchers(matcher: unknown, config: unknown): { regexp: string }[];
};

const PASSWORD = "api-gate-password";
const SECRET = "api-gate-session-secret-0123456789abcdef0123";
const SHARE_ID = "AAAAAAAAAAAAAAAAAAAAAA";
const STATUS_TARGET =
  "https://queue.fal.run/fal-ai/hidream-o1-image/requests/00000000-0000-4000-8000-000000000000/status";

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, unknown>> },
) => Promise<Response>;

/** Each route file under app/api, its methods and a request that would do something. */
const CALLS: {
  route: string;
  method: string;
  path: string;
  params?: Record<string, unknown>;
  headers?: Record<string, string>;
  body?: string;
}[] = [
  { route: "limits", method: "GET", path: "/api/limits" },
  {
    route: "thumbnail",
    method: "GET",
    path: `/api/thumbnail?w=640&url=${encodeURIComponent("https://v3.fal.media/files/x/out.png")}`,
  },
  {
    route: "thumbnail",
    method: "GET",
    path: `/api/thumbnail?check=1&url=${encodeURIComponent("https://v3.fal.media/files/x/out.png")}`,
  },
  {
    route: "fal/proxy",
    method: "GET",
    path: "/api/fal/proxy",
    headers: { "x-fal-target-url": STATUS_TARGET },
  },
  {
    route: "fal/proxy",
    method: "POST",
    path: "/api/fal/proxy",
    headers: {
      "x-fal-target-url": "https://queue.fal.run/fal-ai/hidream-o1-image/dev/edit",
      "content-type": "application/json",
    },
    body: JSON.stringify({ prompt: "p", reference_image_urls: ["https://v3.fal.media/f/x.png"] }),
  },
  {
    route: "fal/proxy",
    method: "PUT",
    path: "/api/fal/proxy",
    headers: { "x-fal-target-url": STATUS_TARGET.replace(/status$/, "cancel") },
  },
  { route: "shares", method: "POST", path: "/api/shares", body: "{}" },
  { route: "shares/status", method: "POST", path: "/api/shares/status", body: "{}" },
  {
    route: "shares/[id]",
    method: "POST",
    path: `/api/shares/${SHARE_ID}`,
    params: { id: SHARE_ID },
    body: "{}",
  },
  {
    route: "demo-fal/[...path]",
    method: "PUT",
    path: "/api/demo-fal/storage/uploads/token",
    params: { path: ["storage", "uploads", "token"] },
    body: "bytes",
  },
  {
    route: "demo-fal/[...path]",
    method: "POST",
    path: "/api/demo-fal/storage/upload/initiate",
    params: { path: ["storage", "upload", "initiate"] },
    body: "{}",
  },
  {
    route: "demo-fal/[...path]",
    method: "OPTIONS",
    path: "/api/demo-fal/storage/uploads/token",
    params: { path: ["storage", "uploads", "token"] },
  },
];
/** Public by design: the share decides who may leave feedback; files are public by URL. */
const PUBLIC_ROUTES = new Set(["s/[id]/feedback"]);

const ORIGIN = "http://127.0.0.1:3000";

function requestFor(call: (typeof CALLS)[number], cookie?: string): Request {
  return new Request(`${ORIGIN}${call.path}`, {
    method: call.method,
    headers: {
      host: "127.0.0.1:3000",
      origin: ORIGIN,
      ...(call.body ? { "content-type": "application/json" } : {}),
      ...call.headers,
      ...(cookie ? { cookie } : {}),
    },
    body: call.body,
  });
}

/** Routes served from pages/api: their web-standard handler, for every method. */
const PAGES_ROUTES: Record<string, () => Promise<Handler>> = {
  "fal/proxy": async () => (await import("@/pages/api/fal/proxy")).proxy,
};

async function handlerOf(route: string, method: string): Promise<Handler> {
  const fromPages = PAGES_ROUTES[route];
  if (fromPages) return fromPages();
  const routeModule = (await import(`@/app/api/${route}/route`)) as Record<string, Handler>;
  const handler = routeModule[method];
  if (!handler) throw new Error(`${route} has no ${method}`);
  return handler;
}

describe("API routes in a deployment with ACCESS_PASSWORD", () => {
  let cookie: string;

  beforeAll(async () => {
    vi.stubEnv("FAL_KEY", "");
    vi.stubEnv("ACCESS_PASSWORD", PASSWORD);
    vi.stubEnv("SESSION_SECRET", SECRET);
    vi.stubEnv("DATA_DIR", path.join("/tmp", `api-gate-${process.pid}`));
    vi.resetModules();
    const { sealSession, SESSION_COOKIE } = await import("@/lib/access/session");
    const { serverEnv } = await import("@/lib/server-env");
    cookie = `${SESSION_COOKIE}=${await sealSession(serverEnv())}`;
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it("covers every API route file", () => {
    const files = (dir: string) =>
      readdirSync(path.join(process.cwd(), dir), { recursive: true }).map((file) =>
        String(file).split(path.sep).join("/"),
      );
    const routes = [
      ...files("app/api")
        .filter((file) => file.endsWith("route.ts"))
        .map((file) => path.posix.dirname(file)),
      ...files("pages/api")
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => file.replace(/\.tsx?$/, "")),
    ].sort();
    expect(routes).toContain("fal/proxy");
    const covered = new Set([...CALLS.map((c) => c.route), ...PUBLIC_ROUTES]);
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
  });

  it.each(CALLS.map((call) => [`${call.method} ${call.path}`, call] as const))(
    "%s without a session answers 401",
    async (_, call) => {
      const handler = await handlerOf(call.route, call.method);
      const response = await handler(requestFor(call), {
        params: Promise.resolve(call.params ?? {}),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error_type: "proxy_unauthenticated" });
    },
  );

  it.each(CALLS.map((call) => [`${call.method} ${call.path}`, call] as const))(
    "%s with a session passes the gate",
    async (_, call) => {
      const handler = await handlerOf(call.route, call.method);
      const response = await handler(requestFor(call, cookie), {
        params: Promise.resolve(call.params ?? {}),
      });
      expect(response.status).not.toBe(401);
    },
  );

  it.each(["/api/demo-fal/files/abc123/x.png", "/api/demo-fal/files/abc/..%2F..%2Fstorage"])(
    "looks up a demo file without a session (public by URL, as fal's media are): %s",
    async (path) => {
      const handler = await handlerOf("demo-fal/[...path]", "GET");
      const response = await handler(new Request(`${ORIGIN}${path}`), {
        params: Promise.resolve({ path: path.split("/").slice(3).map(decodeURIComponent) }),
      });
      // Not found (nothing stored), and never another call of the backend's.
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ detail: "File not found or expired." });
    },
  );

  /** How another site's page looks to the server, in a browser of today and an older one. */
  const CROSS_SITE: Record<string, string>[] = [
    { "sec-fetch-site": "cross-site", origin: "https://elsewhere.example" },
    { "sec-fetch-site": "same-site", origin: "http://sub.127.0.0.1:3000" },
    { "sec-fetch-site": "cross-site" },
    { origin: "https://elsewhere.example" },
    { origin: "null" },
  ];
  const FEEDBACK: (typeof CALLS)[number] = {
    route: "s/[id]/feedback",
    method: "POST",
    path: `/api/s/${SHARE_ID}/feedback`,
    params: { id: SHARE_ID },
    body: "{}",
  };

  it.each(
    [...CALLS, FEEDBACK].flatMap((call) =>
      CROSS_SITE.map(
        (headers) =>
          [`${call.method} ${call.path}`, JSON.stringify(headers), call, headers] as const,
      ),
    ),
  )(
    "%s from another site's page (%s) answers 403, session or not",
    async (_, __, call, headers) => {
      const handler = await handlerOf(call.route, call.method);
      const request = requestFor({ ...call, headers: { ...call.headers, ...headers } }, cookie);
      const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
      expect(response.status).toBe(403);
      expect((await response.json()).detail).toMatch(/Cross-site request refused/);
    },
  );

  it.each(CALLS.map((call) => [`${call.method} ${call.path}`, call] as const))(
    "%s from the page itself (Sec-Fetch-Site: same-origin) is not refused as cross-site",
    async (_, call) => {
      const handler = await handlerOf(call.route, call.method);
      const request = requestFor(
        { ...call, headers: { ...call.headers, "sec-fetch-site": "same-origin" } },
        cookie,
      );
      const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
      expect(response.status).not.toBe(401);
      expect(response.status === 403 && /Cross-site/.test(await response.text())).toBe(false);
    },
  );

  it("refuses a demo-file-looking path that is not a GET or HEAD", async () => {
    const handler = await handlerOf("demo-fal/[...path]", "POST");
    const response = await handler(
      new Request(`${ORIGIN}/api/demo-fal/files/abc123/x.png`, { method: "POST", body: "{}" }),
      { params: Promise.resolve({ path: ["files", "abc123", "x.png"] }) },
    );
    expect(response.status).toBe(401);
  });
});

describe("proxy.ts's matcher", () => {
  /** As Next decides (resolve-routes): the proxy runs when the raw or the decoded path matches. */
  async function runsProxy(rawPath: string): Promise<boolean> {
    const { config } = await import("@/proxy");
    const match = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}) as never);
    const pathname = new URL(rawPath, "http://n").pathname;
    let decoded = pathname;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      // Next matches the raw path alone then.
    }
    return match(pathname, {} as never, {}) || match(decoded, {} as never, {});
  }

  it.each([
    "/",
    "/setup",
    "/sign-in",
    "/present/audience",
    `/s/${SHARE_ID}`,
    "/api",
    "/api%2Flimits",
    "/api/../setup",
    "/api/fal/../../setup",
    "/%61pi/../setup",
    "/API/limits",
    "/_next/data/x.json",
    "/apix/limits",
  ])("runs for %s", async (path) => {
    expect(await runsProxy(path)).toBe(true);
  });

  it.each([
    "/api/fal/proxy",
    "/api/limits",
    "/api/shares/status",
    `/api/s/${SHARE_ID}/feedback`,
    "/api/demo-fal/files/abc/x.png",
    "/_next/static/chunks/main.js",
  ])("skips %s (the route checks the session itself)", async (path) => {
    expect(await runsProxy(path)).toBe(false);
  });
});
