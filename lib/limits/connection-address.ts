/**
 * The address a request's TCP connection comes from, for telling visitors apart when the app is
 * served directly (`next start` on a machine with no proxy in front). Next keeps no such thing
 * for route handlers, server actions or its request proxy: it fills `x-forwarded-for` from the
 * socket only when the client did not send one, so that header is whatever a caller writes.
 *
 * So, once per server process, every HTTP request is stamped with its socket's address in a
 * header of our own, replacing any value the client sent, before Next sees the request. The
 * stamp is trusted only in a process where the hook is installed (instrumentation.ts does it at
 * start-up); elsewhere the header is ignored, as a client could have written it.
 */
import http from "node:http";
import https from "node:https";

export const CONNECTION_HEADER = "x-playground-connection";
const INSTALLED = Symbol.for("hidream-playground.connection-stamp");
type Holder = typeof globalThis & { [INSTALLED]?: boolean };

/** Installs the stamp for every HTTP(S) server of this process, once. */
export function stampConnectionAddress(): void {
  const holder = globalThis as Holder;
  if (holder[INSTALLED]) return;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    // Servers emit "request" for each request; patching the prototype reaches servers made
    // before this ran (Next creates its server before it runs instrumentation).
    Server.prototype.emit = function emitStamped(
      this: http.Server,
      event: string | symbol,
      ...args: unknown[]
    ): boolean {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        request.headers[CONNECTION_HEADER] = request.socket?.remoteAddress ?? "";
      }
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    } as typeof emit;
  }
  holder[INSTALLED] = true;
}

/** Whether this process stamps requests, so that CONNECTION_HEADER can be believed. */
export function connectionStampInstalled(): boolean {
  return (globalThis as Holder)[INSTALLED] === true;
}
