/**
 * Prepares a reference image in the browser before it is uploaded: refuses what is not a usable
 * image with a per-file message, applies the EXIF orientation, scales it down to the model's
 * 2048² pixels (it gains nothing from more, model-and-hosting.md), re-encodes it, and hashes the
 * bytes so the same image is never uploaded twice. A 10 MB, 24-MP camera JPEG leaves as an
 * upright 1672×2508 JPEG of about 1.2 MB in ~0.6 s (`npm run bench -- reference-prep`).
 *
 * Decoding and resampling are the browser's own (createImageBitmap, canvas; for a large JPEG,
 * ImageDecoder at a reduced scale, jpeg-scaled-decode.ts): they are the decoders the preview
 * thumbnail uses, so what is sent matches what the user saw, and they cost no bundle bytes (a
 * wasm decoder for HEIC alone would add megabytes). Everything here also runs in a worker
 * (OffscreenCanvas, no DOM); the app calls it through prepare-pool.ts, which does that.
 */
import { TARGET_AREA, type Size } from "@/lib/endpoint/sizes";
import { EXIF_SCAN_BYTES, hasExif, mayNeedOrientation } from "./exif-orientation";
import { decodeJpegScaled } from "./jpeg-scaled-decode";
import { MAX_REFERENCE_BYTES, sniffImageType, type ImageType } from "./sniff";
import { isUploadedImageType } from "./upload-policy";

export type ReferenceFileErrorCode =
  "empty" | "too-large" | "not-an-image" | "undecodable" | "timeout";

/** A file refused before upload; `message` is user-facing and names the file. */
export class ReferenceFileError extends Error {
  readonly code: ReferenceFileErrorCode;
  constructor(code: ReferenceFileErrorCode, message: string) {
    super(message);
    this.name = "ReferenceFileError";
    this.code = code;
  }
}

export interface PreparedReference {
  /** The bytes to upload; its `type` is `contentType`. */
  blob: Blob;
  contentType: string;
  /** Width and height as displayed (EXIF orientation applied); `type` as sniffed, not claimed. */
  original: Size & { bytes: number; type: ImageType };
  prepared: Size & { bytes: number };
  /** What the reference's tile shows: the prepared image at most PREVIEW_SIDE px a side. */
  preview: Blob;
  /** Hex SHA-256 of the prepared bytes: equal hashes, same upload. */
  hash: string;
  /** False when the original bytes are uploaded unchanged. */
  reencoded: boolean;
}

/** Timed steps; "alpha" includes drawing onto the canvas, "encode" any drawing left pending. */
export type PrepareStep = "sniff" | "decode" | "resize" | "alpha" | "encode" | "hash";

export interface PrepareOptions {
  /** Most pixels to keep; the model's working area by default. */
  maxArea?: number;
  /** Called after each step with its duration in ms (for the bench). */
  onStep?: (step: PrepareStep, ms: number) => void;
  /** Decode the whole file even where a reduced-scale decode applies (the bench compares both). */
  wholeDecode?: boolean;
}

// 0.9 keeps camera detail without visible artifacts at 4 MP, at about a tenth of the camera's
// bytes. JPEG rather than WebP, measured in Chromium on the bench's 24-MP photo scaled to 4.2 MP:
// WebP 0.9 was only 2% smaller (1.28 MB against 1.31 MB) and took ~500 ms to encode against
// ~60-90 ms. PNG only where there is transparency to keep.
const JPEG_QUALITY = 0.9;
/**
 * The preview's longest side: a tile is ~120 CSS px, square-cropped, so even at 3× its shorter
 * side is sharp. A 4-MP preview cost the page a 4-MP decode per tile (~100 ms and ~17 MB each).
 */
export const PREVIEW_SIDE = 512;
const UNREADABLE_NAMES: Partial<Record<ImageType, string>> = {
  "image/heic": "HEIC",
  "image/avif": "AVIF",
  "image/tiff": "TIFF",
};

/** Checks, orients, scales, re-encodes and hashes one reference file; throws ReferenceFileError. */
export async function prepareReference(
  file: Blob,
  options: PrepareOptions = {},
): Promise<PreparedReference> {
  const { maxArea = TARGET_AREA, onStep, wholeDecode = false } = options;
  const name = fileLabel(file);
  let last = performance.now();
  const step = (done: PrepareStep) => {
    const now = performance.now();
    onStep?.(done, now - last);
    last = now;
  };

  if (file.size === 0) throw new ReferenceFileError("empty", `${name} is empty (0 bytes).`);
  if (file.size > MAX_REFERENCE_BYTES)
    throw new ReferenceFileError("too-large", `${name} is over 50 MB.`);
  const head = new Uint8Array(await file.slice(0, EXIF_SCAN_BYTES).arrayBuffer());
  const type = sniffImageType(head);
  if (!type) throw new ReferenceFileError("not-an-image", `${name} is not an image.`);
  step("sniff");

  const fit = (size: Size) => fitArea(size, maxArea);
  const scaled =
    type === "image/jpeg" && !wholeDecode ? await decodeJpegScaled(file, head, fit) : undefined;
  let original: PreparedReference["original"];
  let resized: ImageBitmap;
  if (scaled) {
    // Decoded at a reduced scale and resized in one go: timed as the decode.
    original = { ...scaled.original, bytes: file.size, type };
    resized = scaled.bitmap;
    step("decode");
  } else {
    const bitmap = await decode(file, name, type);
    original = { width: bitmap.width, height: bitmap.height, bytes: file.size, type };
    step("decode");
    resized = await resize(bitmap, fit(original));
    step("resize");
  }
  const target = fit(original);

  // Closed on every path: a bitmap holds its decoded pixels (~17 MB at 4 MP) until closed.
  let canvas: Canvas;
  try {
    canvas = createCanvas(target);
    // Sized explicitly: a browser that ignores createImageBitmap's resize options scales here.
    canvas.context.imageSmoothingQuality = "high";
    canvas.context.drawImage(resized, 0, 0, target.width, target.height);
  } finally {
    resized.close();
  }
  // Only JPEG is opaque by construction; the others may carry alpha (a fully opaque PNG is common).
  const transparent = type !== "image/jpeg" && hasTransparency(canvas.context, target);
  step("alpha");

  const contentType = transparent ? "image/png" : "image/jpeg";
  const encoded = await canvas.encode(contentType, JPEG_QUALITY);
  const keepOriginal =
    target.width === original.width &&
    target.height === original.height &&
    // Formats a server reads as they are; anything else (GIF, BMP, AVIF, HEIC) is re-encoded.
    isUploadedImageType(type) &&
    !mayNeedOrientation(head) &&
    !hasExif(head) &&
    encoded.size >= file.size;
  const blob = keepOriginal ? new Blob([file], { type }) : encoded;
  const preview = await makePreview(canvas, target, contentType);
  step("encode");

  const hash = await sha256Hex(blob);
  step("hash");

  return {
    blob,
    contentType: blob.type,
    original,
    prepared: { ...target, bytes: blob.size },
    preview,
    hash,
    reencoded: !keepOriginal,
  };
}

/** How messages name a file: its name, or "This file" for a nameless blob. */
export function fileLabel(file: Blob): string {
  return typeof File !== "undefined" && file instanceof File && file.name ? file.name : "This file";
}

/**
 * The largest size with the same aspect whose area is at most `maxArea` (floored, so 4000×6000
 * becomes 1672×2508: 4.19 MP, just under 2048²); a smaller image keeps its size.
 */
export function fitArea(size: Size, maxArea: number = TARGET_AREA): Size {
  if (size.width * size.height <= maxArea) return { width: size.width, height: size.height };
  const scale = Math.sqrt(maxArea / (size.width * size.height));
  return {
    width: Math.max(1, Math.floor(size.width * scale)),
    height: Math.max(1, Math.floor(size.height * scale)),
  };
}

async function decode(file: Blob, name: string, type: ImageType): Promise<ImageBitmap> {
  try {
    try {
      return await createImageBitmap(file, { imageOrientation: "from-image" });
    } catch (error) {
      // Browsers from before "from-image" reject the option itself (TypeError, not a decode
      // failure); their default already applies the EXIF orientation.
      if (!(error instanceof TypeError)) throw error;
      return await createImageBitmap(file);
    }
  } catch {
    const format = UNREADABLE_NAMES[type];
    throw new ReferenceFileError(
      "undecodable",
      format
        ? `${name} is an image this browser cannot read (${format}). Convert it to JPEG or PNG first.`
        : `${name} could not be read as an image; it may be damaged or too large to open here.`,
    );
  }
}

/**
 * The bitmap scaled to `target` by createImageBitmap's high-quality resampler (closes the
 * source). Measured in Chromium on the 24-MP bench photo: as close to a Lanczos-3 reference as a
 * high-quality canvas drawImage (same PSNR), in about half the time (~90 ms against ~200 ms).
 */
async function resize(bitmap: ImageBitmap, target: Size): Promise<ImageBitmap> {
  if (bitmap.width === target.width && bitmap.height === target.height) return bitmap;
  try {
    return await createImageBitmap(bitmap, {
      resizeWidth: target.width,
      resizeHeight: target.height,
      resizeQuality: "high",
    });
  } finally {
    bitmap.close();
  }
}

interface Canvas {
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  source: OffscreenCanvas | HTMLCanvasElement;
  encode(type: string, quality: number): Promise<Blob>;
}

/** The prepared image scaled to fit PREVIEW_SIDE, in the prepared image's type. */
async function makePreview(prepared: Canvas, size: Size, type: string): Promise<Blob> {
  const scale = Math.min(1, PREVIEW_SIDE / Math.max(size.width, size.height));
  const target = {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
  const preview = createCanvas(target);
  preview.context.imageSmoothingQuality = "high";
  preview.context.drawImage(prepared.source, 0, 0, target.width, target.height);
  return preview.encode(type, JPEG_QUALITY);
}

/** An OffscreenCanvas where there is one (off the DOM, no layout), else a detached <canvas>. */
function createCanvas({ width, height }: Size): Canvas {
  // willReadFrequently keeps the pixels in CPU memory: the alpha check reads them all back once.
  const settings: CanvasRenderingContext2DSettings = { alpha: true, willReadFrequently: true };
  if (typeof OffscreenCanvas !== "undefined") {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d", settings);
    if (context)
      return {
        context,
        source: canvas,
        encode: (type, quality) => canvas.convertToBlob({ type, quality }),
      };
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", settings);
  if (!context) throw new Error("This browser cannot draw images (no 2D canvas).");
  return {
    context,
    source: canvas,
    encode: (type, quality) =>
      new Promise((resolve, reject) =>
        canvas.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error(`Could not encode ${type}.`))),
          type,
          quality,
        ),
      ),
  };
}

/** Whether any pixel is less than opaque. Every pixel is read: ~4 MP at most, a few ms. */
function hasTransparency(
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  { width, height }: Size,
): boolean {
  const { data } = context.getImageData(0, 0, width, height);
  for (let i = 3; i < data.length; i += 4) {
    if (data[i]! < 255) return true;
  }
  return false;
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
