/**
 * Relaying one allowed call: the request is built from checked parts only, and the answer is
 * rebuilt rather than passed through, so no upstream cookie, encoding or stray header leaks out.
 * The upstream call ends when the browser leaves, whichever way Next tells us.
 */
import type { CallContext, FalBackend } from "@/lib/emulator/backend";
import { PROXY_ERROR_TYPES } from "./error-types";
import type { AllowedCall } from "./policy";
import { proxyError } from "./refusal";

/** Answer headers worth keeping: what the client reads, and fal's error details. */
const KEPT_RESPONSE_HEADERS = [
  "content-type",
  "x-fal-request-id",
  "x-fal-error-type",
  "x-fal-request-timeout-type",
  "x-fal-billable-units",
  "retry-after",
] as const;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Failures that happen before a request is on the wire: fal cannot have seen it. */
const NEVER_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export interface Timeouts {
  /** A submit: long, because giving up on one that fal is still taking leaves a run nobody follows. */
  submitMs: number;
  /** Every other call that is not a stream. */
  callMs: number;
}

/** Under the route's maxDuration (300 s), so the proxy answers before the platform cuts it. */
export const DEFAULT_TIMEOUTS: Timeouts = { submitMs: 240_000, callMs: 60_000 };

/** Where a call goes: fal (or a fal-compatible URL) over the network, or the embedded backend. */
export type Upstream =
  | { kind: "network"; url: string; authorization?: string }
  | { kind: "embedded"; backend: FalBackend; url: string; context: CallContext };

export interface Forwarding {
  call: AllowedCall;
  upstream: Upstream;
  falHeaders: Record<string, string>;
  body?: string;
  /** The browser's signal: aborted when it leaves. */
  clientSignal: AbortSignal;
  timeouts: Timeouts;
  /** Gives back what was reserved for this call (fal refused it, or it never left). */
  release: () => Promise<void>;
}

/** Sends the call and rebuilds the answer; every failure becomes an answer in fal's shape. */
export async function forward(f: Forwarding): Promise<Response> {
  const { call, upstream, clientSignal } = f;
  const upstreamAbort = new AbortController();
  // Set once the answer's body is being relayed: cancelling it is the one way to the upstream
  // call that holds for sure (see `relay`).
  const relayed: { cancelBody?: () => void } = {};
  const leave = () => {
    upstreamAbort.abort(clientSignal.reason);
    relayed.cancelBody?.();
  };
  if (clientSignal.aborted) leave();
  else clientSignal.addEventListener("abort", leave, { once: true });
  // One controller for leaving and for the deadline, held here until the call is over. Not
  // AbortSignal.any(…, AbortSignal.timeout()): a combined signal nobody holds can be collected,
  // and then its timeout never fires (seen under load: a submit waited past its deadline).
  const timeoutMs = call.kind === "submit" ? f.timeouts.submitMs : f.timeouts.callMs;
  const deadline =
    call.kind === "stream"
      ? undefined
      : setTimeout(
          () =>
            upstreamAbort.abort(new DOMException("The upstream call timed out.", "TimeoutError")),
          timeoutMs,
        );
  const over = () => {
    clearTimeout(deadline);
    clientSignal.removeEventListener("abort", leave);
  };
  const init = {
    method: call.method,
    headers: upstreamHeaders(f),
    body: f.body,
    signal: upstreamAbort.signal,
  };

  let answer: Response;
  try {
    answer =
      upstream.kind === "embedded"
        ? await upstream.backend.handle(new Request(upstream.url, init), upstream.context)
        : // A URL and options, not a Request: Next's fetch rebuilds a Request into another whose
          // signal only follows ours, and such a chain can be collected before it fires.
          await fetch(upstream.url, init);
  } catch (error) {
    over();
    return failed(error, f);
  }
  // fal said no (4xx): nothing ran, so nothing is owed. A 5xx from fal's front may still have
  // started the run, so its reservation is kept, as for a timeout.
  if (answer.status >= 400 && answer.status < 500) await f.release();
  if (call.kind !== "stream") {
    // Every call but a status stream answers with a small JSON body: read whole under the same
    // deadline and abort, and sent on as bytes, which Next writes at once, instead of a stream
    // relayed chunk by chunk (npm run bench, proxy-deployed).
    let bytes: ArrayBuffer | null;
    try {
      bytes = NULL_BODY_STATUSES.has(answer.status) ? null : await answer.arrayBuffer();
    } catch (error) {
      over();
      return failed(error, f);
    }
    over();
    return new Response(bytes, answerInit(answer, call));
  }
  const rebuilt = rebuildResponse(answer, call, over);
  relayed.cancelBody = rebuilt.cancelBody;
  if (clientSignal.aborted) leave();
  return rebuilt.response;
}

function upstreamHeaders({ call, upstream, falHeaders }: Forwarding): Headers {
  const headers = new Headers({
    ...falHeaders,
    accept: call.kind === "stream" ? "text/event-stream" : "application/json",
    "user-agent": "hidream-edit-playground-proxy",
  });
  if (call.kind === "submit" || call.kind === "initiate") {
    headers.set("content-type", "application/json");
  }
  if (upstream.kind === "network" && upstream.authorization) {
    headers.set("authorization", upstream.authorization);
  }
  return headers;
}

async function failed(error: unknown, f: Forwarding): Promise<Response> {
  if (f.clientSignal.aborted) return new Response(null, { status: 499 });
  if ((error as Error).name === "TimeoutError") {
    if (f.call.kind === "submit") {
      // It may have started on fal. Said as final, so no layer sends it again by itself.
      return proxyError(
        504,
        `fal did not confirm this run within ${Math.round(f.timeouts.submitMs / 1000)} s. It may still run (and be billed) on fal, but it cannot be followed from here. Retry only if you want to run it again.`,
        PROXY_ERROR_TYPES.submitUnconfirmed,
      );
    }
    return proxyError(
      504,
      `fal did not answer within ${Math.round(f.timeouts.callMs / 1000)} s. The run keeps going on fal; the playground will ask again.`,
      PROXY_ERROR_TYPES.timeout,
    );
  }
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  const cause = typeof code === "string" ? code : (error as Error).message;
  // Without a socket error code the request was refused before it left (a blocked port, a bad
  // URL); with one, only failures to connect prove that fal never saw it.
  const neverSent = typeof code !== "string" || NEVER_CONNECTED.has(code);
  if (f.call.kind === "submit" && !neverSent) {
    // The connection broke after the submit may have reached fal: keep the reservation, say so.
    return proxyError(
      502,
      `The connection to fal broke (${cause}) before it confirmed this run. It may still run (and be billed) on fal, but it cannot be followed from here. Retry only if you want to run it again.`,
      PROXY_ERROR_TYPES.submitUnconfirmed,
    );
  }
  // Never reached fal: nothing started, so the reservation goes back.
  await f.release();
  return proxyError(
    502,
    `Could not reach fal (${cause}). Check the server's network and try again.`,
    PROXY_ERROR_TYPES.unreachable,
  );
}

/**
 * What the client gets besides the body: the status and the kept headers; never cached, and never
 * transformed: `next start` would gzip every answer, a few hundred bytes of JSON polled every
 * half second or an event stream, at more CPU than it saves bytes (npm run bench, proxy-deployed).
 */
function answerInit(upstream: Response, call: AllowedCall): ResponseInit {
  const headers = new Headers({ "cache-control": "no-store, no-transform" });
  for (const name of KEPT_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (call.kind === "stream") headers.set("x-accel-buffering", "no");
  return { status: upstream.status, statusText: upstream.statusText, headers };
}

/**
 * A stream's answer: its body relayed as it arrives. `done` runs once the body is over: read to
 * the end, or cancelled because the browser left. `cancelBody` ends the upstream body (and with it
 * the upstream call) from outside.
 */
function rebuildResponse(
  upstream: Response,
  call: AllowedCall,
  done: () => void,
): { response: Response; cancelBody: () => void } {
  const init = answerInit(upstream, call);
  if (NULL_BODY_STATUSES.has(upstream.status) || !upstream.body) {
    done();
    return { response: new Response(null, init), cancelBody: () => {} };
  }
  const body = relay(upstream.body, done);
  return { response: new Response(body.stream, init), cancelBody: body.cancel };
}

/**
 * The upstream body, chunk by chunk. Cancelling the reader is what surely ends the upstream call:
 * the body stream is held here, so the path cannot be collected, whereas an abort signal reaches
 * the call only through signals that merely follow one another. It is cancelled when Next
 * cancels the stream, and when the browser's signal fires (Next does not always do the first).
 */
function relay(
  body: ReadableStream<Uint8Array>,
  done: () => void,
): { stream: ReadableStream<Uint8Array>; cancel: () => void } {
  const reader = body.getReader();
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done();
  };
  const cancel = (reason?: unknown) => {
    finish();
    return reader.cancel(reason).catch(() => {});
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (chunk.done) {
          controller.close();
          finish();
        } else controller.enqueue(chunk.value);
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    cancel,
  });
  return { stream, cancel: () => void cancel() };
}
