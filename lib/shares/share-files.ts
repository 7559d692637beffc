/**
 * The files behind a share, for its page: small WebP thumbnails made on the server from the
 * originals (so a phone fetches kilobytes, not the model's multi-megabyte PNGs), and the original
 * for "Download original". Only URLs the share holds are ever fetched, and those were checked
 * against fal's media hosts when the share was made (share-urls.ts).
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

export type FileOutcome = { bytes: Uint8Array; contentType: string } | "gone";

/** The original file: from the demo backend's memory, or from fal's CDN. "gone" when deleted. */
export async function readShareFile(stored: string, origin: string): Promise<FileOutcome> {
  const response = isDemoFilePath(stored)
    ? await embeddedBackend().handle(new Request(`${origin}${stored}`), {
        publicBase: `${origin}${EMBEDDED_BASE_PATH}`,
        scope: "public",
      })
    : await fetch(stored, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (response.status === 404 || response.status === 403 || response.status === 410) {
    await response.body?.cancel();
    return "gone";
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`The file's host answered ${response.status}`);
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_ORIGINAL_BYTES) {
    await response.body?.cancel();
    throw new Error("The file is larger than the server reads");
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_ORIGINAL_BYTES)
    throw new Error("The file is larger than the server reads");
  return { bytes, contentType: response.headers.get("content-type") ?? "application/octet-stream" };
}

const cache = new Map<string, Uint8Array>();
let cachedBytes = 0;
const inFlight = new Map<string, Promise<Uint8Array | "gone">>();
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= RESIZE_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
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
      const webp = await sharp(file.bytes, { limitInputPixels: 8192 * 8192 })
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 78 })
        .toBuffer();
      const bytes = new Uint8Array(webp);
      remember(key, bytes);
      return bytes;
    }).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}
