/**
 * Serves a web-standard `(Request) => Response` handler on a local port (Node only), for the
 * standalone backend, tests and benchmarks. Bodies are piped as they arrive, as Next does: an
 * SSE stream flows event by event, and the handler's signal aborts when the client leaves.
 * (Written here rather than taken from @hono/node-server, which waits a timer of at least 1 ms
 * before streaming any body that is not ready at once; that distorted the proxy benchmark.)
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

type Handler = (request: Request) => Response | Promise<Response>;

export function serveHandler(
  handler: Handler,
  { port = 0, hostname = "127.0.0.1" }: { port?: number; hostname?: string } = {},
): Promise<RunningServer> {
  const server = http.createServer((incoming, outgoing) => {
    respond(handler, incoming, outgoing).catch((error: unknown) => {
      if (!outgoing.headersSent) outgoing.writeHead(500, { "content-type": "text/plain" });
      outgoing.end(`server error: ${String(error)}`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      resolve({
        url: `http://${hostname}:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function respond(
  handler: Handler,
  incoming: http.IncomingMessage,
  outgoing: http.ServerResponse,
): Promise<void> {
  const left = new AbortController();
  outgoing.on("close", () => {
    if (!outgoing.writableFinished) left.abort();
  });
  const headers = new Headers();
  for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2)
    headers.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const request = new Request(
    `http://${incoming.headers.host ?? "127.0.0.1"}${incoming.url ?? "/"}`,
    {
      method,
      headers,
      signal: left.signal,
      body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
      ...(hasBody ? { duplex: "half" } : {}),
    },
  );
  const response = await handler(request);
  const flat: string[] = [];
  response.headers.forEach((value, name) => flat.push(name, value));
  // A body the handler left unread (a refused upload, say) would stall a reused connection:
  // close it after this answer, as Node's own server does.
  if (hasBody && !incoming.readableEnded) flat.push("connection", "close");
  outgoing.writeHead(response.status, flat);
  if (response.body && method !== "HEAD") {
    const reader = response.body.getReader();
    left.signal.addEventListener("abort", () => void reader.cancel().catch(() => {}));
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        if (!outgoing.write(chunk.value)) await once(outgoing, "drain");
      }
    } catch (error) {
      if (!left.signal.aborted) throw error;
    }
  }
  outgoing.end();
  if (hasBody && !incoming.readableEnded) outgoing.once("finish", () => incoming.destroy());
}
