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
async function fetchStored(stored: string, origin: string, method: "GET" | "HEAD") {
  if (isDemoFilePath(stored))
    return embeddedBackend().handle(new Request(`${origin}${stored}`, { method }), {
      publicBase: `${origin}${EMBEDDED_BASE_PATH}`,
      scope: "public",
    });
  const response = await fetch(stored, {
    method,
    redirect: "manual",
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
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

export type FileOutcome = { bytes: Uint8Array; contentType: string } | "gone";

/** The original file: from the demo backend's memory, or from fal's CDN. "gone" when deleted. */
export async function readShareFile(stored: string, origin: string): Promise<FileOutcome> {
  const response = await fetchStored(stored, origin, "GET");
  if (isGone(response.status)) {
    await response.body?.cancel();
    return "gone";
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new MediaFileError(502, `The file's host answered ${response.status}`);
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_ORIGINAL_BYTES) {
    await response.body?.cancel();
    throw new MediaFileError(413, "The file is larger than the server reads");
  }
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
