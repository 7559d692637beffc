/**
 * The files behind a share, for its page, and behind the gallery's thumbnails: small WebP
 * thumbnails made on the server from the originals (so a phone fetches kilobytes, not the model's
 * multi-megabyte PNGs), and the original for "Download original". Only URLs checked against fal's
 * media hosts are ever fetched (share-urls.ts: when the share was made, or on each gallery
 * thumbnail request), and a redirect is never followed, so a checked host cannot send us on.
 */
import "server-only";
import sharp from "sharp";
import { embeddedBackend, EMBEDDED_BASE_PATH } from "@/lib/emulator/embedded";
import { isShownImageType, mediaType } from "@/lib/images/shown-types";
import { isDemoFilePath } from "./share-urls";

/** The largest original the server reads: a 4096² PNG of noise is ~50 MB. */
const MAX_ORIGINAL_BYTES = 64 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;
/** Thumbnails kept in memory (all widths), so a page opened by a room of phones decodes once. */
const CACHE_BYTES = 48 * 1024 * 1024;
/** Resizes at once: each holds a decoded original (16 MB for 2048² RGBA) in native memory. */
const RESIZE_SLOTS = 2;
/** Resizes waiting for a slot; past this the server says it is busy rather than pile up work. */
const MAX_WAITING = 64;
/** The most pixels decoded: a 4096² image is the largest the model makes, with room to spare. */
const MAX_INPUT_PIXELS = 8192 * 8192;
/**
 * Originals relayed at once, in all and per client. A download streams (never held whole), so
 * each costs little memory; the caps keep one client from tying up the server's connections to
 * fal's CDN, and it waits for a slot no longer than a slow phone needs for a large PNG.
 */
export const DOWNLOAD_SLOTS = { total: 32, perClient: 4 } as const;
/**
 * How long one download may hold its slot: 10 minutes is a 30 MB original at 50 KB/s. Past it the
 * download ends, so slow (or stalled) readers cannot keep every slot. fal's answer itself must
 * start within FETCH_TIMEOUT_MS; after that only this deadline applies to its body.
 */
export const DOWNLOAD_DEADLINE_MS = 10 * 60_000;

/**
 * A file that cannot be thumbnailed, with the HTTP status that says why (413 too large, 415 not an
 * image, 502 host unreachable or redirecting, 503 busy). Branded by name: Next bundles this module
 * more than once, so `instanceof` would fail across copies.
 */
export class MediaFileError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "MediaFileError";
  }
}

export const isMediaFileError = (error: unknown): error is MediaFileError =>
  error instanceof Error && error.name === "MediaFileError";

/** The stored URL's answer: from the demo backend's memory, or from its host, never redirected. */
async function fetchStored(
  stored: string,
  origin: string,
  method: "GET" | "HEAD",
  signal: AbortSignal = AbortSignal.timeout(FETCH_TIMEOUT_MS),
) {
  if (isDemoFilePath(stored))
    return embeddedBackend().handle(new Request(`${origin}${stored}`, { method }), {
      publicBase: `${origin}${EMBEDDED_BASE_PATH}`,
      scope: "public",
    });
  const response = await fetch(stored, { method, redirect: "manual", signal });
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new MediaFileError(502, `The file's host redirected (${response.status}); not followed`);
  }
  return response;
}

const isGone = (status: number) => status === 404 || status === 403 || status === 410;

/** Whether the original is still served ("gone" once its host answers 404, 403 or 410). */
export async function originalStatus(stored: string, origin: string): Promise<"ok" | "gone"> {
  const response = await fetchStored(stored, origin, "HEAD");
  await response.body?.cancel();
  if (isGone(response.status)) return "gone";
  if (!response.ok) throw new MediaFileError(502, `The file's host answered ${response.status}`);
  return "ok";
}

/**
 * The host's answer for an original, when it is one the server reads: "gone" once deleted, and a
 * refusal for another failure or a declared size over MAX_ORIGINAL_BYTES (its body cancelled).
 */
async function original(response: Response): Promise<Response | "gone"> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  const refusal = isGone(response.status)
    ? "gone"
    : !response.ok || !response.body
      ? new MediaFileError(502, `The file's host answered ${response.status}`)
      : declared > MAX_ORIGINAL_BYTES
        ? new MediaFileError(413, "The file is larger than the server reads")
        : null;
  if (!refusal) return response;
  await response.body?.cancel();
  if (refusal === "gone") return refusal;
  throw refusal;
}

export type FileOutcome = { bytes: Uint8Array; contentType: string } | "gone";

/** An original on its way to a client: relayed as it arrives, at most MAX_ORIGINAL_BYTES. */
export interface OpenedFile {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  /** Its length when the host said it. */
  length: number | null;
}

let downloads = 0;
const downloadsByClient = new Map<string, number>();

/** Takes a download slot for `client`; the returned function gives it back (once). */
function takeDownloadSlot(client: string): () => void {
  const mine = downloadsByClient.get(client) ?? 0;
  if (mine >= DOWNLOAD_SLOTS.perClient)
    throw new MediaFileError(
      429,
      `At most ${DOWNLOAD_SLOTS.perClient} downloads at once from one client; wait for one to finish`,
    );
  if (downloads >= DOWNLOAD_SLOTS.total)
    throw new MediaFileError(503, "The server is sending many downloads; try again shortly");
  downloads += 1;
  downloadsByClient.set(client, mine + 1);
  let given = false;
  return () => {
    if (given) return;
    given = true;
    downloads -= 1;
    const left = (downloadsByClient.get(client) ?? 1) - 1;
    if (left > 0) downloadsByClient.set(client, left);
    else downloadsByClient.delete(client);
  };
}

/**
 * The original for "Download original", streamed: the server never holds a whole file for a
 * client, so slow readers cost it no memory (a room of them once held 1 GB). "gone" when deleted.
 */
export async function openShareFile(
  stored: string,
  origin: string,
  client: string,
): Promise<OpenedFile | "gone"> {
  const release = takeDownloadSlot(client);
  const upstream = new AbortController();
  const started = setTimeout(
    () => upstream.abort(new DOMException("The file's host did not answer.", "TimeoutError")),
    FETCH_TIMEOUT_MS,
  );
  try {
    const response = await original(await fetchStored(stored, origin, "GET", upstream.signal));
    clearTimeout(started);
    if (response === "gone") {
      release();
      return "gone";
    }
    const declared = Number(response.headers.get("content-length") ?? "0");
    const type = mediaType(response.headers.get("content-type") ?? "");
    return {
      body: limitedBody(
        response.body!,
        { maxBytes: MAX_ORIGINAL_BYTES, deadlineMs: DOWNLOAD_DEADLINE_MS },
        () => {
          release();
          upstream.abort();
        },
      ),
      // Any type but a plain image is sent as bytes.
      contentType: isShownImageType(type) ? type : "application/octet-stream",
      length: declared > 0 ? declared : null,
    };
  } catch (error) {
    clearTimeout(started);
    release();
    throw error;
  }
}

/**
 * `body` relayed chunk by chunk, pulled only as the client reads. It fails once more than
 * `maxBytes` came, or once `deadlineMs` passed with the body unfinished. `done` runs once, when
 * it ends, fails, is cancelled or runs out of time.
 */
export function limitedBody(
  body: ReadableStream<Uint8Array>,
  limits: { maxBytes: number; deadlineMs: number },
  done: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let seen = 0;
  let finished = false;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const finish = () => {
    if (finished) return false;
    finished = true;
    clearTimeout(deadline);
    done();
    return true;
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      deadline = setTimeout(() => {
        if (!finish()) return;
        void reader.cancel().catch(() => {});
        controller.error(new MediaFileError(504, "The download took too long and was ended"));
      }, limits.deadlineMs);
    },
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (finished) return;
        if (chunk.done) {
          finish();
          controller.close();
          return;
        }
        seen += chunk.value.byteLength;
        if (seen > limits.maxBytes) {
          finish();
          await reader.cancel().catch(() => {});
          controller.error(new MediaFileError(413, "The file is larger than the server reads"));
          return;
        }
        controller.enqueue(chunk.value);
      } catch (error) {
        if (finish()) controller.error(error);
      }
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason).catch(() => {});
    },
  });
}

/** The original file: from the demo backend's memory, or from fal's CDN. "gone" when deleted. */
export async function readShareFile(stored: string, origin: string): Promise<FileOutcome> {
  const response = await original(await fetchStored(stored, origin, "GET"));
  if (response === "gone") return "gone";
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_ORIGINAL_BYTES)
    throw new MediaFileError(413, "The file is larger than the server reads");
  return { bytes, contentType: response.headers.get("content-type") ?? "application/octet-stream" };
}

const cache = new Map<string, Uint8Array>();
let cachedBytes = 0;
const inFlight = new Map<string, Promise<Uint8Array | "gone">>();
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= RESIZE_SLOTS) {
    if (waiting.length >= MAX_WAITING)
      throw new MediaFileError(503, "The server is making many thumbnails; try again shortly");
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function remember(key: string, bytes: Uint8Array) {
  cache.set(key, bytes);
  cachedBytes += bytes.byteLength;
  for (const [oldKey, old] of cache) {
    if (cachedBytes <= CACHE_BYTES) break;
    cache.delete(oldKey);
    cachedBytes -= old.byteLength;
  }
}

/** A WebP of the file at most `width` pixels wide (never enlarged), or "gone". */
export async function shareThumbnail(
  stored: string,
  width: number,
  origin: string,
): Promise<Uint8Array | "gone"> {
  const key = `${stored}\u0000${width}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit;
  }
  let pending = inFlight.get(key);
  if (!pending) {
    pending = slot(async () => {
      const file = await readShareFile(stored, origin);
      if (file === "gone") return "gone" as const;
      const webp = await sharp(file.bytes, { limitInputPixels: MAX_INPUT_PIXELS })
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 78 })
        .toBuffer()
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          throw /pixel limit/i.test(message)
            ? new MediaFileError(413, "The image has more pixels than the server decodes")
            : new MediaFileError(415, "The file is not an image the server can read");
        });
      const bytes = new Uint8Array(webp);
      remember(key, bytes);
      return bytes;
    }).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}
