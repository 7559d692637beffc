import { embeddedBackend } from "@/lib/emulator/embedded";
import { proxyError } from "@/lib/proxy/refusal";
import { modeOf, serverEnv } from "@/lib/proxy/server-env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The demo backend's browser-facing calls: upload PUTs and file downloads. Off in live mode. */
async function demoStorage(request: Request): Promise<Response> {
  if (modeOf(serverEnv()) === "live")
    return proxyError(404, "The demo backend is off: this deployment runs on fal.");
  return embeddedBackend().handle(request, "public");
}

export {
  demoStorage as GET,
  demoStorage as HEAD,
  demoStorage as POST,
  demoStorage as PUT,
  demoStorage as OPTIONS,
};
