import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { answerWithWebHandler, type WebHandler } from "../node-web-handler";

let server: http.Server | undefined;
/** What answerWithWebHandler rejected with, per request (a server would log it). */
let failures: unknown[] = [];

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
  failures = [];
});

/**
 * A server answering through the bridge; `before` runs on each Node request first, as Next's own
 * code and instrumentation.ts's connection stamp do.
 */
async function serve(
  handler: WebHandler,
  before: (request: http.IncomingMessage) => void = () => {},
): Promise<string> {
  server = http.createServer((incoming, outgoing) => {
    before(incoming);
    answerWithWebHandler(handler, incoming, outgoing).catch((error: unknown) => {
      failures.push(error);
      outgoing.destroy();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("answerWithWebHandler", () => {
  it("passes method, URL, headers set by this process and the body to the handler", async () => {
    let seen: { method: string; url: string; stamp: string | null; body: string } | undefined;
    const base = await serve(
      async (request) => {
        seen = {
          method: request.method,
          url: request.url,
          stamp: request.headers.get("x-stamp"),
          body: await request.text(),
        };
        return new Response("ok");
      },
      (incoming) => (incoming.headers["x-stamp"] = "from this process"),
    );
    const response = await fetch(`${base}/api/x?y=1`, { method: "POST", body: '{"a":1}' });
    expect(await response.text()).toBe("ok");
    expect(seen).toEqual({
      method: "POST",
      url: `${base}/api/x?y=1`,
      stamp: "from this process",
      body: '{"a":1}',
    });
  });

  it("sends the status and every header, each Set-Cookie apart", async () => {
    const base = await serve(() => {
      const headers = new Headers({ "content-type": "application/json", "x-one": "1" });
      headers.append("set-cookie", "a=1; Path=/");
      headers.append("set-cookie", "b=2; Path=/");
      return new Response('{"ok":true}', { status: 201, headers });
    });
    const response = await fetch(base);
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-one")).toBe("1");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("refuses a method a web Request cannot carry (TRACE) with 405, not an error", async () => {
    let called = false;
    const base = await serve(() => {
      called = true;
      return new Response("no");
    });
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.request(`${base}/api/x`, { method: "TRACE" }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.on("error", reject);
      request.end();
    });
    expect(status).toBe(405);
    expect(called).toBe(false);
  });

  it("ends quietly when the client hangs up mid-body, and still fails a handler that throws", async () => {
    let reads = 0;
    const base = await serve(async (request) => {
      reads++;
      if (request.headers.get("x-fail")) throw new Error("handler bug");
      return new Response(await request.text());
    });
    const { port } = new URL(base);
    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(port), "127.0.0.1", () => {
        socket.write(
          'POST /api/x HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-length: 100000\r\n\r\n{"partial',
        );
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on("close", () => resolve());
      socket.on("error", () => {});
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reads).toBe(1);
    expect(failures).toEqual([]);

    await fetch(base, { headers: { "x-fail": "1" } }).catch(() => undefined);
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).toContain("handler bug");
  });

  it("relays a stream as it comes and aborts the handler's signal when the client leaves", async () => {
    let aborted!: () => void;
    const left = new Promise<void>((resolve) => (aborted = resolve));
    const encoder = new TextEncoder();
    const base = await serve((request) => {
      request.signal.addEventListener("abort", () => aborted());
      let timer: ReturnType<typeof setInterval>;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode("data: first\n\n"));
          timer = setInterval(() => controller.enqueue(encoder.encode("data: more\n\n")), 20);
        },
        cancel: () => clearInterval(timer),
      });
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    });
    const client = new AbortController();
    const response = await fetch(base, { signal: client.signal });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("data: first");
    client.abort();
    await left;
  });
});
