/**
 * Telling visitors apart on a server with nothing in front of it: the connection's own address,
 * stamped before any handler sees the request, over real sockets from two loopback addresses.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientKey, SHARED_CLIENT } from "@/lib/limits/client-identity";
import { stampConnectionAddress } from "@/lib/limits/connection-address";
import { parseServerEnv } from "@/lib/server-env";

let server: http.Server;
let port: number;

/** Sends a request from `localAddress` and returns the client key the server computed. */
function keyFrom(localAddress: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, localAddress, headers, agent: false },
      (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk));
        response.on("end", () => resolve(body));
      },
    );
    request.on("error", reject);
    request.end();
  });
}

beforeAll(async () => {
  stampConnectionAddress();
  // Made after the stamp, like a route handler's process; a second install is a no-op.
  stampConnectionAddress();
  const env = parseServerEnv({});
  server = http.createServer((request, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    response.end(clientKey(headers, env));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server?.close());

describe("the connection's own address", () => {
  it("tells two visitors apart, and knows one visitor again", async () => {
    const a = await keyFrom("127.0.0.2");
    const b = await keyFrom("127.0.0.3");
    expect(a).not.toBe(SHARED_CLIENT);
    expect(b).not.toBe(SHARED_CLIENT);
    expect(a).not.toBe(b);
    expect(await keyFrom("127.0.0.2")).toBe(a);
  });

  it.each([
    ["the stamp's own header", { "x-playground-connection": "127.0.0.9" }],
    ["X-Forwarded-For", { "x-forwarded-for": "127.0.0.9" }],
    ["X-Real-IP", { "x-real-ip": "127.0.0.9" }],
    ["Forwarded", { forwarded: "for=127.0.0.9" }],
    ["a stamp with another's address", { "X-Playground-Connection": "127.0.0.3" }],
  ])("cannot be changed by a client sending %s", async (_name, headers) => {
    const mine = await keyFrom("127.0.0.2");
    expect(await keyFrom("127.0.0.2", headers)).toBe(mine);
    expect(await keyFrom("127.0.0.4", headers)).not.toBe(mine);
  });
});
