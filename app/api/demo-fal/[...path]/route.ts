import { embeddedBackend } from "@/lib/emulator/embedded";
import { proxyError } from "@/lib/proxy/refusal";
import { modeOf, serverEnv } from "@/lib/proxy/server-env";
import { browserOrigin } from "@/lib/proxy/upstream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The demo backend's browser-facing calls: upload PUTs and file downloads. Off in live mode. */
async function demoStorage(request: Request): Promise<Response> {
  if (modeOf(serverEnv()) === "live")
    return proxyError(404, "The demo backend is off: this deployment runs on fal.");
  // The backend names its file URLs after the origin it is called on: the browser's, not the
  // server's own hostname, or the page's CSP ('self') would block them.
  const url = new URL(request.url);
  const sameOrigin = new Request(`${browserOrigin(request)}${url.pathname}${url.search}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: request.signal,
    duplex: "half",
  } as RequestInit);
  return embeddedBackend().handle(sameOrigin, "public");
}

export {
  demoStorage as GET,
  demoStorage as HEAD,
  demoStorage as POST,
  demoStorage as PUT,
  demoStorage as OPTIONS,
};
