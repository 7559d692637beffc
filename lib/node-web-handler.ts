/**
 * Answers a Node request with a web-standard `(Request) => Response` handler: the fal proxy's
 * Pages API route (pages/api/fal/proxy.ts) and the local servers of lib/emulator/serve.ts. Bodies
 * are piped as they arrive, as Next does for a route handler: an SSE stream flows event by event,
 * and the handler's signal aborts when the client leaves.
 */
import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

export type WebHandler = (request: Request) => Response | Promise<Response>;

/** Methods a web Request cannot carry (the Fetch standard forbids them): refused here. */
const UNCARRIED_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/** The web Request for `incoming`, whose signal aborts once `outgoing` closes unfinished. */
export function webRequestOf(incoming: IncomingMessage, outgoing: ServerResponse): Request {
  const left = new AbortController();
  outgoing.on("close", () => {
    if (!outgoing.writableFinished) left.abort();
  });
  if (outgoing.destroyed && !outgoing.writableFinished) left.abort();
  // From `headers`, not `rawHeaders`: a header set on the request by this process before the
  // route sees it (lib/limits/connection-address.ts) is only there.
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(`http://${incoming.headers.host ?? "127.0.0.1"}${incoming.url ?? "/"}`, {
    method,
    headers,
    signal: left.signal,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    ...(hasBody ? { duplex: "half" } : {}),
  });
}

/** Calls `handler` with `incoming` as a web Request and writes its Response to `outgoing`. */
export async function answerWithWebHandler(
  handler: WebHandler,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  if (UNCARRIED_METHODS.has((incoming.method ?? "").toUpperCase())) {
    outgoing.writeHead(405, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    outgoing.end("This method is not allowed here.");
    return;
  }
  const request = webRequestOf(incoming, outgoing);
  let response: Response;
  try {
    response = await handler(request);
  } catch (error) {
    // A client that leaves mid-body fails the handler's read: nobody is left to answer, and a
    // stranger must not be able to fill the server's log by hanging up.
    if (request.signal.aborted || incoming.destroyed) return;
    throw error;
  }
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  // An object, not Node's flat [name, value, …] list: Next's API response reads only the former.
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  // A body the handler left unread (a refused upload, say) would stall a reused connection:
  // close it after this answer, as Node's own server does.
  if (hasBody && !incoming.readableEnded) headers.connection = "close";
  if (outgoing.destroyed) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  outgoing.writeHead(response.status, headers);
  if (response.body && request.method !== "HEAD") {
    const reader = response.body.getReader();
    const cancel = () => void reader.cancel().catch(() => {});
    if (request.signal.aborted) cancel();
    else request.signal.addEventListener("abort", cancel, { once: true });
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        if (outgoing.destroyed) break;
        if (!outgoing.write(chunk.value)) await drainedOrClosed(outgoing);
      }
    } catch (error) {
      if (!request.signal.aborted) throw error;
    } finally {
      request.signal.removeEventListener("abort", cancel);
    }
  } else response.body?.cancel().catch(() => {});
  outgoing.end();
  if (hasBody && !incoming.readableEnded) outgoing.once("finish", () => incoming.destroy());
}

/** Waits for `drain`, or for the response to close (a client that left never drains). */
async function drainedOrClosed(outgoing: ServerResponse): Promise<void> {
  const gone = new AbortController();
  try {
    await Promise.race([
      once(outgoing, "drain", { signal: gone.signal }),
      once(outgoing, "close", { signal: gone.signal }),
    ]);
  } finally {
    gone.abort();
  }
}
