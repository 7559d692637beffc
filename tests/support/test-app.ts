/**
 * The app's server side without Next: the real proxy handler at /api/fal/proxy and the demo
 * backend's public routes at /api/demo-fal, on a local port. The real fal client talks to it.
 */
import { createFalBackend } from "@/lib/emulator/backend";
import type { EmulatorConfig } from "@/lib/emulator/config";
import { EMBEDDED_BASE_PATH } from "@/lib/emulator/embedded";
import { serveHandler, type RunningServer } from "@/lib/emulator/serve";
import type { CounterStore } from "@/lib/limits/counter-store";
import { createLimiter } from "@/lib/limits/limiter";
import { createMemoryStore } from "@/lib/limits/memory-store";
import type { Timeouts } from "@/lib/proxy/forward";
import { createProxyHandler, PROXY_ROUTE } from "@/lib/proxy/handler";
import type { ServerEnv } from "@/lib/server-env";

/**
 * Fast pacing so a 28-step run takes well under a second; a `[demo:slow]` run still waits in the
 * queue for a few polls (positions 3, 2, 1), so a test can see it there on a busy machine.
 */
export const FAST: Partial<EmulatorConfig> = { queueMs: 30, stepMs: 3, slowQueueTickMs: 100 };

export interface TestApp extends RunningServer {
  proxyUrl: string;
  /** The embedded (demo mode) backend. */
  demoBackend: ReturnType<typeof createFalBackend>;
  limiter: ReturnType<typeof createLimiter>;
}

export async function startTestApp(
  env: ServerEnv,
  config: Partial<EmulatorConfig> = FAST,
  /** Where the run limits count; a fresh memory store by default (one per app). */
  store: CounterStore = createMemoryStore(),
  /** How long the proxy waits for upstream answers; tests of slow upstreams shorten them. */
  timeouts?: Timeouts,
): Promise<TestApp> {
  const demoBackend = createFalBackend({ basePath: EMBEDDED_BASE_PATH, config });
  const limiter = createLimiter(env.limits, store);
  const proxy = createProxyHandler({
    env,
    demoBackend: () => demoBackend,
    limiter: () => limiter,
    timeouts,
  });
  const server = await serveHandler((request) => {
    const { pathname } = new URL(request.url);
    if (pathname === PROXY_ROUTE) return proxy(request);
    if (pathname.startsWith(`${EMBEDDED_BASE_PATH}/`)) {
      const publicBase = `${new URL(request.url).origin}${EMBEDDED_BASE_PATH}`;
      return demoBackend.handle(request, { publicBase, scope: "public" });
    }
    return new Response("not found", { status: 404 });
  });
  return { ...server, proxyUrl: `${server.url}${PROXY_ROUTE}`, demoBackend, limiter };
}
