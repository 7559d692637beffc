import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { hasExif, mayNeedOrientation, readExifOrientation } from "@/lib/images/exif-orientation";

/** A 30×20 photo-ish file: its pixels never change, only the EXIF tag does. */
const picture = () =>
  sharp({ create: { width: 30, height: 20, channels: 3, background: "#f97316" } });

async function encoded(format: "jpeg" | "png" | "webp", orientation?: number): Promise<Uint8Array> {
  const image = picture().toFormat(format);
  const bytes = await (orientation ? image.withMetadata({ orientation }) : image).toBuffer();
  return new Uint8Array(bytes);
}

/** A JPEG head with APP0 (JFIF) before a big-endian ("MM") APP1 Exif holding `orientation`. */
function bigEndianJpegHead(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1];
  const app1Body = [
    ...Buffer.from("Exif\0\0", "latin1"),
    ...tiff,
    0,
    orientation,
    0,
    0,
    0,
    0,
    0,
    0,
  ];
  const app0Body = [...Buffer.from("JFIF\0", "latin1"), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const segment = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  return new Uint8Array([0xff, 0xd8, ...segment(0xe0, app0Body), ...segment(0xe1, app1Body)]);
}

describe("readExifOrientation", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("reads orientation %i from a sharp JPEG", async (value) => {
    expect(readExifOrientation(await encoded("jpeg", value))).toBe(value);
  });

  it("finds nothing in a JPEG without EXIF", async () => {
    expect(readExifOrientation(await encoded("jpeg"))).toBeUndefined();
  });

  it("reads a big-endian EXIF block that follows a JFIF segment", () => {
    expect(readExifOrientation(bigEndianJpegHead(3))).toBe(3);
  });

  it("reads a PNG's eXIf chunk", async () => {
    expect(readExifOrientation(await encoded("png", 6))).toBe(6);
    expect(readExifOrientation(await encoded("png"))).toBeUndefined();
  });

  it("ignores out-of-range values and truncated heads without throwing", async () => {
    expect(readExifOrientation(bigEndianJpegHead(9))).toBeUndefined();
    const jpeg = await encoded("jpeg", 6);
    const found = Array.from({ length: 200 }, (_, n) => readExifOrientation(jpeg.subarray(0, n)));
    // Cut before the tag's value: nothing; cut after it: the value, whatever follows is missing.
    const first = found.indexOf(6);
    expect(first).toBeGreaterThan(20);
    expect(found.slice(0, first).every((value) => value === undefined)).toBe(true);
    expect(found.slice(first).every((value) => value === 6)).toBe(true);
  });
});

describe("mayNeedOrientation", () => {
  it("is true only when decoding would turn or flip the pixels", async () => {
    expect(mayNeedOrientation(await encoded("jpeg", 6))).toBe(true);
    expect(mayNeedOrientation(await encoded("jpeg", 1))).toBe(false);
    expect(mayNeedOrientation(await encoded("jpeg"))).toBe(false);
    expect(mayNeedOrientation(await encoded("png", 8))).toBe(true);
  });

  it("suspects a WebP whose header announces EXIF, which sits after the pixels", async () => {
    expect(mayNeedOrientation(await encoded("webp", 6))).toBe(true);
    expect(mayNeedOrientation(await encoded("webp"))).toBe(false);
  });
});

describe("hasExif", () => {
  it("finds camera metadata so such files are re-encoded, not sent with GPS and all", async () => {
    const withExif = new Uint8Array(
      await picture()
        .jpeg()
        .withMetadata({ exif: { IFD0: { Make: "Camera" }, IFD3: { GPSLatitudeRef: "N" } } })
        .toBuffer(),
    );
    expect(hasExif(withExif)).toBe(true);
    expect(hasExif(await encoded("jpeg"))).toBe(false);
    expect(hasExif(await encoded("png"))).toBe(false);
  });
});
