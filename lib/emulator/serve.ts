/**
 * Serves a web-standard `(Request) => Response` handler on a local port (Node only), for the
 * standalone backend, tests and benchmarks, through the same bridge as the fal proxy's route
 * (lib/node-web-handler.ts).
 * (Written here rather than taken from @hono/node-server, which waits a timer of at least 1 ms
 * before streaming any body that is not ready at once; that distorted the proxy benchmark.)
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { answerWithWebHandler, type WebHandler } from "@/lib/node-web-handler";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function serveHandler(
  handler: WebHandler,
  { port = 0, hostname = "127.0.0.1" }: { port?: number; hostname?: string } = {},
): Promise<RunningServer> {
  const server = http.createServer((incoming, outgoing) => {
    answerWithWebHandler(handler, incoming, outgoing).catch((error: unknown) => {
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
