/**
 * The EXIF orientation tag (0x0112), read from a file's first bytes. It decides whether a small
 * reference can be uploaded as it is: a phone photo stored sideways with "rotate 90°" in its EXIF
 * shows upright in the browser, but a server that ignores EXIF would see it sideways, so such a
 * file must be re-encoded upright. Pure and synchronous: runs in the browser and in Node (tests).
 */
import { jpegSegments } from "./jpeg-segments";

export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** How much of a file to read: camera JPEGs keep EXIF (and its thumbnail) in their first 64 KB. */
export const EXIF_SCAN_BYTES = 64 * 1024;

const ORIENTATION_TAG = 0x0112;
const JPEG_APP1 = 0xe1;

/** The orientation in a JPEG's APP1 Exif segment or a PNG's eXIf chunk; undefined when absent. */
export function readExifOrientation(head: Uint8Array): Orientation | undefined {
  const tiff = exifTiff(head);
  return tiff ? tiffOrientation(tiff) : undefined;
}

/**
 * Whether decoding may rotate or flip the image: an orientation other than 1, or, in a WebP, an
 * EXIF chunk announced in the header (WebP stores it after the pixels, out of the first bytes).
 */
export function mayNeedOrientation(head: Uint8Array): boolean {
  if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
    // VP8X (extended) header: flag bit 3 says an EXIF chunk follows the image data.
    return ascii(head, 12, "VP8X") && ((head[20] ?? 0) & 0x08) !== 0;
  }
  const orientation = readExifOrientation(head);
  return orientation !== undefined && orientation !== 1;
}

/**
 * Whether the file carries an EXIF block at all (camera, time, often GPS). Such a file is never
 * sent as is: re-encoding drops the metadata before it reaches a public storage URL.
 */
export function hasExif(head: Uint8Array): boolean {
  if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP"))
    return ascii(head, 12, "VP8X") && ((head[20] ?? 0) & 0x08) !== 0;
  return exifTiff(head) !== undefined;
}

/** The TIFF structure inside a JPEG APP1 "Exif\0\0" segment or a PNG eXIf chunk. */
function exifTiff(bytes: Uint8Array): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (const { marker, offset, length } of jpegSegments(bytes)) {
      if (marker === JPEG_APP1 && ascii(bytes, offset + 4, "Exif\0\0"))
        return bytes.subarray(offset + 10, Math.min(bytes.length, offset + 2 + length));
    }
    return undefined;
  }
  if (bytes[0] === 0x89 && ascii(bytes, 1, "PNG")) {
    // Chunks: 4-byte length, 4-byte type, data, 4-byte CRC; eXIf comes before the image data.
    for (let offset = 8; offset + 8 <= bytes.length;) {
      const length = view.getUint32(offset);
      if (ascii(bytes, offset + 4, "eXIf"))
        return bytes.subarray(offset + 8, Math.min(bytes.length, offset + 8 + length));
      if (ascii(bytes, offset + 4, "IDAT")) return undefined;
      offset += 12 + length;
    }
  }
  return undefined;
}

/** Tag 0x0112 of IFD0 in a TIFF structure ("II" little- or "MM" big-endian). */
function tiffOrientation(tiff: Uint8Array): Orientation | undefined {
  if (tiff.length < 8) return undefined;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const little = ascii(tiff, 0, "II");
  if (!little && !ascii(tiff, 0, "MM")) return undefined;
  if (view.getUint16(2, little) !== 42) return undefined;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return undefined;
  const entries = view.getUint16(ifd, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (view.getUint16(entry, little) !== ORIENTATION_TAG) continue;
    // Type 3 (SHORT), count 1: the value sits in the first two bytes of the value field.
    const value = view.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? (value as Orientation) : undefined;
  }
  return undefined;
}

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}
