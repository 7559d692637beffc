/**
 * A fal-compatible backend: fal's queue and storage protocol (fal-protocol.md §7), answered so
 * faithfully that the real, unmodified `@fal-ai/client` works against it. One web-standard
 * `handle(Request)` serves both the app's demo mode and the standalone `npm run emulator`.
 */
import { ENDPOINT_APP, endpointById } from "@/lib/endpoint";
import { emulatorConfig, type EmulatorConfig } from "./config";
import { CORS_HEADERS, falError, json } from "./fal-json";
import { FileStore, servedFileHeaders, viewsOf } from "./file-store";
import { HttpError } from "./http-error";
import { JobQueue, type Job, type LogEntry, type Renderer } from "./jobs";
import { SUBMIT_REFUSALS } from "./scenarios";

/** One request as the backend saw it: tests read these to prove what did (not) arrive. */
export interface SeenRequest {
  method: string;
  path: string;
  search: string;
  authorization: string | null;
  falHeaders: Record<string, string>;
  /** A JSON body as it arrived (the first 10 KB), for tests of what the proxy sends on. */
  body?: string;
  at: number;
}

/** "all": the whole protocol; "public": only what a browser calls directly (upload PUTs, files). */
export type Scope = "all" | "public";

/**
 * What the backend needs to know about a call besides the request itself, passed in with each
 * call and never remembered: URLs in an answer are built on this call's `publicBase`, so one
 * caller's Host header can never reach another caller's answer.
 */
export interface CallContext {
  /** Where the caller reaches this backend (origin and base path), e.g. `https://app/api/demo-fal`. */
  publicBase: string;
  /** Who is calling, for fair shares of the workers and of unfinished uploads. */
  client?: string;
  scope?: Scope;
}

const ANONYMOUS = "anonymous";
const STREAM_PING_MS = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REQUEST_LOG_SIZE = 1000;

export interface FalBackend {
  handle(request: Request, context: CallContext): Promise<Response>;
  /** Requests received, oldest first (bounded). */
  readonly seen: SeenRequest[];
  readonly config: EmulatorConfig;
  /** A job by request id, for inspection in tests. */
  job(id: string): Job | undefined;
  /** What the backend holds in memory right now, for tests and the memory bench. */
  holdings(): {
    files: number;
    bytes: number;
    pendingUploads: number;
    activeJobs: number;
    finishedJobs: number;
    openStreams: number;
  };
}

export function createFalBackend(
  options: {
    basePath?: string;
    config?: Partial<EmulatorConfig>;
    /** Replaces the demo renderer (tests that run many jobs and never look at the pixels). */
    render?: Renderer;
  } = {},
): FalBackend {
  const basePath = (options.basePath ?? "").replace(/\/$/, "");
  const config = emulatorConfig(options.config);
  const files = new FileStore(config.storage);
  const seen: SeenRequest[] = [];
  let openStreams = 0;
  const fileUrl = (base: string, fileId: string, fileName: string) =>
    `${base}/files/${fileId}/${fileName}`;
  const queue = new JobQueue(config, files, loadReference, fileUrl, options.render);

  async function loadReference(url: string): Promise<Uint8Array | null> {
    if (url.startsWith("data:")) return decodeDataUri(url);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error("not a valid URL");
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
      throw new Error("only http(s) URLs are supported");
    // A file in our own storage, whatever host name the caller used to reach us.
    const own = parsed.pathname.match(/\/files\/([A-Za-z0-9]+)\/[^/]+$/);
    if (own) {
      const file = files.get(own[1]!);
      if (file) return file.bytes;
    }
    if (!config.fetchExternalReferences) return null;
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000), redirect: "follow" });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  async function record(request: Request, path: string, search: string) {
    const falHeaders: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      if (key.startsWith("x-fal-")) falHeaders[key] = value;
    });
    const json = request.headers.get("content-type")?.includes("application/json");
    seen.push({
      method: request.method,
      path,
      search,
      authorization: request.headers.get("authorization"),
      falHeaders,
      body: json && request.body ? (await request.clone().text()).slice(0, 10_000) : undefined,
      at: Date.now(),
    });
    if (seen.length > REQUEST_LOG_SIZE) seen.splice(0, seen.length - REQUEST_LOG_SIZE);
  }

  function checkKey(request: Request): Response | undefined {
    if (!config.requireKey) return undefined;
    const auth = request.headers.get("authorization") ?? "";
    if (!/^Key \S+/.test(auth) || auth === "Key undefined") {
      return falError(401, "No user found for Key ID and Secret");
    }
    return undefined;
  }

  async function handle(request: Request, context: CallContext): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(basePath)) return falError(404, "Not found");
    const path = url.pathname.slice(basePath.length) || "/";
    await record(request, path, url.search);
    if (request.method === "OPTIONS")
      return new Response(null, { status: 204, headers: CORS_HEADERS });

    const call: Call = {
      request,
      url,
      segments: path.split("/").filter(Boolean).map(safeDecode),
      publicBase: context.publicBase.replace(/\/+$/, ""),
      client: context.client ?? ANONYMOUS,
    };
    try {
      const publicAnswer = await handlePublic(call);
      if (publicAnswer) return publicAnswer;
      if ((context.scope ?? "all") === "public") return falError(404, "Not found");
      return (await handlePrivate(call)) ?? falError(404, "Not found");
    } catch (error) {
      if (error instanceof HttpError) return falError(error.status, error.message, error.errorType);
      throw error;
    }
  }

  /** The calls a browser makes straight to storage, with no key: the signed URLs. */
  async function handlePublic({ request, segments: s }: Call): Promise<Response | undefined> {
    const { method } = request;
    if (s[0] === "files" && s.length === 3 && (method === "GET" || method === "HEAD")) {
      const file = files.get(s[1]!);
      if (!file) return falError(404, "File not found or expired.");
      return new Response(method === "HEAD" ? null : viewsOf(file.bytes), {
        headers: {
          ...servedFileHeaders(file.contentType),
          "content-length": String(file.bytes.byteLength),
          "cache-control": "public, max-age=604800, immutable",
          ...CORS_HEADERS,
        },
      });
    }
    if (s[0] !== "storage" || s[1] !== "uploads" || !s[2]) return undefined;
    const token = s[2];
    // An unknown token is refused before its body is read: bytes nobody can claim are never held.
    const known = () => {
      if (!files.isPending(token)) throw new HttpError(404, "Unknown, used or expired upload URL.");
    };
    if (method === "PUT" && s.length === 3) {
      known();
      const bytes = await readBytes(
        request,
        Math.min(config.maxUploadBytes, config.storage.maxBytes),
      );
      files.put(token, bytes, request.headers.get("content-type"));
      return new Response(null, { status: 200, headers: CORS_HEADERS });
    }
    if (method === "PUT" && s.length === 4 && /^\d{1,5}$/.test(s[3]!)) {
      known();
      const partNumber = Number(s[3]);
      const etag = files.putPart(
        token,
        partNumber,
        await readBytes(request, Math.min(config.maxPartBytes, config.storage.maxBytes)),
      );
      return json({ partNumber, etag });
    }
    if (method === "POST" && s.length === 4 && s[3] === "complete") {
      known();
      const body = (await readJson(request, 1024 * 1024)) as
        { parts?: { partNumber?: unknown }[] } | undefined;
      const numbers = (Array.isArray(body?.parts) ? body.parts : []).map((p) =>
        Number(p?.partNumber),
      );
      if (!numbers.length || numbers.some((n) => !Number.isInteger(n)))
        throw new HttpError(400, "parts must list partNumber values.");
      files.complete(token, numbers);
      return json({});
    }
    return undefined;
  }

  async function handlePrivate(call: Call): Promise<Response | undefined> {
    const { request, segments: s, publicBase, client } = call;
    const { method } = request;
    if (s[0] === "storage" && s[1] === "upload" && method === "POST") {
      if (s[2] !== "initiate" && s[2] !== "initiate-multipart") return undefined;
      const denied = checkKey(request);
      if (denied) return denied;
      const body = (await readJson(request, 64 * 1024)) as
        { content_type?: unknown; file_name?: unknown } | undefined;
      const contentType =
        typeof body?.content_type === "string" ? body.content_type : "application/octet-stream";
      const upload = files.initiate(
        contentType.slice(0, 255),
        typeof body?.file_name === "string" ? body.file_name : "file",
        client,
      );
      return json({
        upload_url: `${publicBase}/storage/uploads/${upload.token}`,
        file_url: fileUrl(publicBase, upload.fileId, upload.fileName),
      });
    }
    if (s.length < 2) return undefined;
    const app = `${s[0]}/${s[1]}`;
    if (s[2] === "requests") return handleRequestRoutes(call, app, s.slice(3));
    if (method !== "POST") return undefined;
    const denied = checkKey(request);
    if (denied) return denied;
    const endpoint = s.join("/");
    if (!endpointById(endpoint)) return falError(404, `Application '${endpoint}' not found.`);
    const input = await readJson(request, config.maxInputBytes);
    const refusal = [...queue.scenariosOf(input)]
      .map((name) => SUBMIT_REFUSALS[name])
      .find(Boolean);
    if (refusal) return falError(refusal.status, refusal.detail);
    const job = queue.submit(endpoint, input, { client, publicBase });
    return json({ ...statusBody(job, undefined, publicBase), queue_position: queue.position(job) });
  }

  function handleRequestRoutes(call: Call, app: string, rest: string[]): Response | undefined {
    const { request, url, publicBase } = call;
    const [id, action, sub] = rest;
    if (!id || !UUID.test(id)) return falError(404, "Request not found.");
    const denied = checkKey(request);
    if (denied) return denied;
    const job = queue.get(id);
    if (!job || app !== ENDPOINT_APP) return falError(404, "Request not found.");
    const withLogs = url.searchParams.get("logs") === "1";
    const { method } = request;
    if (method === "GET" && action === undefined) return resultResponse(job);
    if (method === "GET" && action === "status" && sub === undefined) {
      return json(
        statusBody(job, withLogs ? job.logs : null, publicBase),
        job.state === "COMPLETED" ? 200 : 202,
      );
    }
    if (method === "GET" && action === "status" && sub === "stream" && rest.length === 3) {
      return streamStatus(job, withLogs, request.signal, publicBase);
    }
    if (method === "PUT" && action === "cancel" && rest.length === 2) {
      const outcome = queue.cancel(job);
      return outcome === "ALREADY_COMPLETED"
        ? json({ status: outcome }, 400)
        : json({ status: outcome }, 202);
    }
    return undefined;
  }

  function statusBody(job: Job, logs: LogEntry[] | null | undefined, publicBase: string) {
    const base = `${publicBase}/${ENDPOINT_APP}/requests/${job.id}`;
    const body: Record<string, unknown> = {
      status: job.state,
      request_id: job.id,
      response_url: base,
      status_url: `${base}/status`,
      cancel_url: `${base}/cancel`,
      logs: logs ?? null,
    };
    if (job.state === "IN_QUEUE") body.queue_position = queue.position(job);
    if (job.state === "COMPLETED") {
      body.metrics = {
        inference_time: ((job.completedAt ?? 0) - (job.startedAt ?? job.completedAt ?? 0)) / 1000,
      };
      if (job.result && job.result.status >= 400) {
        const detail = (job.result.body as { detail?: unknown }).detail;
        body.error = typeof detail === "string" ? detail : "Invalid input";
        body.error_type =
          job.result.errorType ??
          (job.result.status === 422 ? "validation_error" : "internal_error");
      }
    }
    return body;
  }

  function resultResponse(job: Job): Response {
    const headers: Record<string, string> = { "x-fal-request-id": job.id };
    if (job.state !== "COMPLETED" || !job.result) {
      return falError(400, "Request is still in progress.", undefined, headers);
    }
    const { status, body, errorType } = job.result;
    if (errorType) {
      headers["x-fal-error-type"] = errorType;
      return json({ ...(body as object), error_type: errorType }, status, headers);
    }
    return json(body, status, headers);
  }

  /** SSE: one JSON `data:` event per change, carrying only log lines not sent before. */
  function streamStatus(
    job: Job,
    withLogs: boolean,
    signal: AbortSignal,
    publicBase: string,
  ): Response {
    const encoder = new TextEncoder();
    let sentLogs = job.logTotal - job.logs.length;
    let lastSignature = "";
    let cleanup = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = () => {
          const newLines = job.logTotal - sentLogs;
          const signature = `${job.state}:${job.state === "IN_QUEUE" ? queue.position(job) : ""}:${job.logTotal}`;
          if (signature === lastSignature) return;
          lastSignature = signature;
          const delta = newLines > 0 ? job.logs.slice(Math.max(0, job.logs.length - newLines)) : [];
          sentLogs = job.logTotal;
          controller.enqueue(
            encoder.encode(
              `data: ${JSON.stringify(statusBody(job, withLogs ? delta : null, publicBase))}\n\n`,
            ),
          );
          if (job.state === "COMPLETED") {
            cleanup();
            controller.close();
          }
        };
        const ping = setInterval(
          () => controller.enqueue(encoder.encode(": ping\n\n")),
          STREAM_PING_MS,
        );
        const onAbort = () => {
          cleanup();
          try {
            controller.close();
          } catch {
            // already closed
          }
        };
        let open = true;
        cleanup = () => {
          if (!open) return;
          open = false;
          openStreams--;
          clearInterval(ping);
          job.listeners.delete(send);
          signal.removeEventListener("abort", onAbort);
        };
        openStreams++;
        job.listeners.add(send);
        signal.addEventListener("abort", onAbort);
        send();
      },
      cancel() {
        cleanup();
      },
    });
    return new Response(stream, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-fal-request-id": job.id,
        ...CORS_HEADERS,
      },
    });
  }

  return {
    handle,
    seen,
    config,
    job: (id) => queue.get(id),
    holdings: () => ({
      files: files.fileCount,
      bytes: files.bytesHeld,
      pendingUploads: files.pendingCount,
      activeJobs: queue.size.active,
      finishedJobs: queue.size.finished,
      openStreams,
    }),
  };
}

interface Call {
  request: Request;
  url: URL;
  segments: string[];
  publicBase: string;
  client: string;
}

const safeDecode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, "Malformed path.");
  }
};

/** Reads a body up to `limit` bytes, stopping (not buffering on) as soon as it passes. */
async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new HttpError(
      413,
      `Body larger than ${Math.floor(limit / 1024)} KB: the demo backend refuses it.`,
    );
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

async function readJson(request: Request, limit: number): Promise<unknown> {
  const bytes = await readBytes(request, limit);
  if (!bytes.byteLength) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new HttpError(400, "Body is not valid JSON.");
  }
}

function decodeDataUri(uri: string): Uint8Array {
  const match = uri.match(/^data:[^;,]*(;base64)?,(.*)$/s);
  if (!match) throw new Error("malformed data URI");
  return match[1] ? Buffer.from(match[2]!, "base64") : Buffer.from(decodeURIComponent(match[2]!));
}
