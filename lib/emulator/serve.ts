/** Serves a web-standard `(Request) => Response` handler on a local port (Node only). */
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function serveHandler(
  handler: (request: Request) => Response | Promise<Response>,
  { port = 0, hostname = "127.0.0.1" }: { port?: number; hostname?: string } = {},
): Promise<RunningServer> {
  return new Promise((resolve) => {
    // Keep Node's own Request/Response: the fal client and tests in the same process use them.
    const server = serve({ fetch: handler, port, hostname, overrideGlobalObjects: false }, (info: AddressInfo) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            if ("closeAllConnections" in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
