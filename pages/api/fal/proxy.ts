/**
 * `/api/fal/proxy`, where the browser's `@fal-ai/client` sends every call: lib/proxy/handler.ts,
 * a web-standard handler, served as a Pages Router API route. Next hands such a route Node's own
 * request and response, and lib/node-web-handler.ts bridges them: per call that costs less than an
 * App Router route's adapters (`npm run bench -- proxy-deployed`, "forward only" against
 * "forward only (pages API)"). Like every API route it skips proxy.ts; the handler checks the
 * session itself.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerWithWebHandler } from "@/lib/node-web-handler";
import { createProxyHandler } from "@/lib/proxy/handler";

export const config = {
  // The handler reads the body itself (at most 1 MB of JSON) and relays streams as they come.
  api: { bodyParser: false, responseLimit: false },
  // Status streams stay open for a whole run; 300 s is the Vercel Hobby ceiling with Fluid compute.
  maxDuration: 300,
};

/** The web-standard handler (tests call it directly). */
export const proxy = createProxyHandler();

export default function falProxyRoute(request: IncomingMessage, response: ServerResponse) {
  return answerWithWebHandler(proxy, request, response);
}
