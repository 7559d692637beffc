import { gateApiCall } from "@/lib/access/require-session";
import { embeddedBackend, EMBEDDED_BASE_PATH, isPublicDemoFile } from "@/lib/emulator/embedded";
import { proxyError } from "@/lib/proxy/refusal";
import { modeOf, serverEnv } from "@/lib/server-env";
import { browserOrigin } from "@/lib/proxy/upstream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The demo backend's browser-facing calls: upload PUTs and file downloads. Off in live mode. */
async function demoStorage(request: Request): Promise<Response> {
  const env = serverEnv();
  if (modeOf(env) === "live")
    return proxyError(404, "The demo backend is off: this deployment runs on fal.");
  if (!isPublicDemoFile(request.method, new URL(request.url).pathname)) {
    const refusal = await gateApiCall(request, env);
    if (refusal) return refusal;
  }
  // URLs in an answer are built on the origin this browser used, not the server's own hostname,
  // or the page's CSP ('self') would block them; passed in, so only this answer depends on it.
  return embeddedBackend().handle(request, {
    publicBase: `${browserOrigin(request)}${EMBEDDED_BASE_PATH}`,
    scope: "public",
  });
}

export {
  demoStorage as GET,
  demoStorage as HEAD,
  demoStorage as POST,
  demoStorage as PUT,
  demoStorage as OPTIONS,
};
