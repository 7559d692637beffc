/**
 * What a file really is, from its first bytes. A file's extension and `File.type` come from its
 * name, so a renamed text file claims to be a PNG; the magic bytes do not lie. Pure: runs in the
 * browser (reference preparation) and in Node (tests).
 */

/** Reference files above this are refused before any work: no camera photo comes near it. */
export const MAX_REFERENCE_BYTES = 50 * 1024 * 1024;

export type ImageType =
  | "image/jpeg"
  | "image/png"
  | "image/webp"
  | "image/gif"
  | "image/avif"
  | "image/heic"
  | "image/bmp"
  | "image/tiff";

// HEIF brands: HEVC-coded images ("heic"…) and the generic image/sequence brands ("mif1", "msf1")
// that AVIF files also list, so those are decided by the other brands present.
const AVIF_BRANDS = new Set(["avif", "avis"]);
const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"]);
const HEIF_BRANDS = new Set(["mif1", "msf1"]);
// The header sizes a BMP's DIB header can have: "BM" alone is too weak a signature for text.
const BMP_DIB_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

/** The image type announced by the file's magic bytes, or undefined when it is none we know. */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  const at = (offset: number, signature: readonly number[]) =>
    signature.every((byte, i) => bytes[offset + i] === byte);
  const ascii = (offset: number, text: string) =>
    bytes.length >= offset + text.length &&
    [...text].every((char, i) => bytes[offset + i] === char.charCodeAt(0));

  if (at(0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "image/webp";
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) return "image/gif";
  if (at(0, [0x49, 0x49, 0x2a, 0x00]) || at(0, [0x4d, 0x4d, 0x00, 0x2a])) return "image/tiff";
  if (ascii(0, "BM") && bytes.length >= 18 && BMP_DIB_SIZES.has(readUint32LE(bytes, 14)))
    return "image/bmp";
  if (ascii(4, "ftyp")) return isoBrandType(bytes);
  return undefined;
}

/** AVIF or HEIC from an ISO-BMFF `ftyp` box: its major brand, then its compatible brands. */
function isoBrandType(bytes: Uint8Array): ImageType | undefined {
  const boxEnd = Math.min(bytes.length, readUint32BE(bytes, 0));
  const brands: string[] = [];
  // Major brand at 8, minor version at 12, compatible brands from 16 to the box's end.
  for (let offset = 8; offset + 4 <= boxEnd; offset += offset === 8 ? 8 : 4) {
    brands.push(String.fromCharCode(...bytes.subarray(offset, offset + 4)));
  }
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return "image/avif";
  if (brands.some((brand) => HEIC_BRANDS.has(brand) || HEIF_BRANDS.has(brand))) return "image/heic";
  return undefined;
}

function readUint32BE(bytes: Uint8Array, offset: number): number {
  return (
    (((bytes[offset] ?? 0) << 24) |
      ((bytes[offset + 1] ?? 0) << 16) |
      ((bytes[offset + 2] ?? 0) << 8) |
      (bytes[offset + 3] ?? 0)) >>>
    0
  );
}

function readUint32LE(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset] ?? 0) |
      ((bytes[offset + 1] ?? 0) << 8) |
      ((bytes[offset + 2] ?? 0) << 16) |
      ((bytes[offset + 3] ?? 0) << 24)) >>>
    0
  );
}
