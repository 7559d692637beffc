/**
 * Decodes a large JPEG at a reduced scale instead of whole. A JPEG can be decoded at n/8 of its
 * size for much less than a full decode (the inverse DCT makes fewer pixels), and a 24-MP camera
 * photo only needs half its size to cover the model's 2048² pixels. Through WebCodecs'
 * ImageDecoder with a desired size, Chromium does exactly that: 245 ms instead of 560 ms for the
 * bench's 6000×4000 photo, and the resize that follows starts from 6 MP instead of 24
 * (`npm run bench -- reference-prep`).
 *
 * Used only where the browser has ImageDecoder and its VideoFrames carry the EXIF orientation
 * (`rotation`), and only when the frame it returns is at least the target size: anything else
 * answers undefined and prepare.ts decodes the whole file as before.
 */
import type { Size } from "@/lib/endpoint/sizes";
import { readExifOrientation } from "./exif-orientation";
import { jpegSegments } from "./jpeg-segments";

/** A JPEG decoded at n/8 of its size and scaled to the target, oriented upright. */
export interface ScaledJpeg {
  /** Oriented as displayed, at full size. */
  original: Size;
  /** The image at `target` exactly; the caller closes it. */
  bitmap: ImageBitmap;
}

/**
 * The stored width and height from a JPEG's start-of-frame segment, if it lies in `head`
 * (undefined for anything else, or when the EXIF block pushes it further than `head`).
 */
export function jpegStoredSize(head: Uint8Array): Size | undefined {
  for (const { marker, offset } of jpegSegments(head)) {
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision, height, width follow.
    if (marker < 0xc0 || marker > 0xcf || marker === 0xc4 || marker === 0xc8 || marker === 0xcc)
      continue;
    if (offset + 9 > head.length) return undefined;
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    const height = view.getUint16(offset + 5);
    const width = view.getUint16(offset + 7);
    return width > 0 && height > 0 ? { width, height } : undefined;
  }
  return undefined;
}

/**
 * The fewest eighths of `original` that still cover `target` (1–8; 8 means a full decode).
 * A decoder's n/8 output is ceil(side × n / 8), so n/8 ≥ the target's scale is enough.
 */
export function coveringEighths(original: Size, target: Size): number {
  const scale = Math.max(target.width / original.width, target.height / original.height);
  return Math.min(8, Math.max(1, Math.ceil(scale * 8 - 1e-9)));
}

/** Whether this browser can decode at a reduced scale with the orientation applied. */
function scaledDecodeAvailable(): boolean {
  return (
    typeof ImageDecoder !== "undefined" &&
    typeof VideoFrame !== "undefined" &&
    "rotation" in VideoFrame.prototype
  );
}

/**
 * `file` (a JPEG whose first bytes are `head`) decoded at the fewest eighths covering `fit(size)`
 * and scaled to exactly that, or undefined when a reduced decode does not apply or fails: no
 * ImageDecoder, a frame size not in `head`, nothing to skip (the target needs the full size),
 * or a frame smaller than asked. Throws nothing: the caller's full decode reports bad files.
 */
export async function decodeJpegScaled(
  file: Blob,
  head: Uint8Array,
  fit: (original: Size) => Size,
): Promise<ScaledJpeg | undefined> {
  if (!scaledDecodeAvailable()) return undefined;
  const stored = jpegStoredSize(head);
  if (!stored) return undefined;
  const sideways = (readExifOrientation(head) ?? 1) >= 5;
  const original = sideways ? { width: stored.height, height: stored.width } : stored;
  const target = fit(original);
  const eighths = coveringEighths(original, target);
  if (eighths === 8) return undefined;
  let decoder: ImageDecoder | undefined;
  let frame: VideoFrame | undefined;
  try {
    // Chromium picks the largest n/8 whose area fits the desired size's (not per side), so the
    // desired size is the n/8 size itself, rounded up.
    decoder = new ImageDecoder({
      data: file.stream(),
      type: "image/jpeg",
      desiredWidth: Math.ceil((stored.width * eighths) / 8),
      desiredHeight: Math.ceil((stored.height * eighths) / 8),
    });
    frame = (await decoder.decode()).image;
    if (frame.displayWidth < target.width || frame.displayHeight < target.height) return undefined;
    // The frame's rotation is applied by createImageBitmap: the target is in displayed terms.
    const bitmap = await createImageBitmap(frame, {
      resizeWidth: target.width,
      resizeHeight: target.height,
      resizeQuality: "high",
    });
    return { original, bitmap };
  } catch {
    return undefined;
  } finally {
    frame?.close();
    decoder?.close();
  }
}
