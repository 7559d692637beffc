import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sniffImageType } from "@/lib/images/sniff";

const pixels = () => sharp({ create: { width: 8, height: 6, channels: 3, background: "#0ea5e9" } });
const ascii = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

/** An ISO-BMFF `ftyp` box: size, "ftyp", major brand, minor version, compatible brands. */
function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const body = `ftyp${major}\0\0\0\0${compatible.join("")}`;
  const size = 4 + body.length;
  return new Uint8Array([0, 0, 0, size, ...ascii(body)]);
}

/** A 1×1 24-bit BMP (sharp cannot write BMP): file header, 40-byte DIB header, one pixel. */
function bmp(): Uint8Array {
  const bytes = new Uint8Array(58);
  const view = new DataView(bytes.buffer);
  bytes.set(ascii("BM"));
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, 1, true);
  view.setInt32(22, 1, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  return bytes;
}

describe("sniffImageType", () => {
  it.each([
    ["jpeg", "image/jpeg"],
    ["png", "image/png"],
    ["webp", "image/webp"],
    ["gif", "image/gif"],
    ["avif", "image/avif"],
    ["tiff", "image/tiff"],
  ] as const)("recognizes a real %s file by its bytes", async (format, type) => {
    const bytes = await pixels().toFormat(format).toBuffer();
    expect(sniffImageType(new Uint8Array(bytes))).toBe(type);
  });

  it("recognizes a BMP by its file and DIB headers", () => {
    expect(sniffImageType(bmp())).toBe("image/bmp");
  });

  it("recognizes HEIC by the ftyp brand, whatever its minor brands", () => {
    expect(sniffImageType(ftyp("heic", "mif1", "heic"))).toBe("image/heic");
    expect(sniffImageType(ftyp("mif1", "heic"))).toBe("image/heic");
  });

  it("calls a generic HEIF container AVIF when AVIF is among its brands", () => {
    expect(sniffImageType(ftyp("mif1", "mif1", "avif", "miaf"))).toBe("image/avif");
  });

  it("refuses a text file renamed .png, and text that starts like a BMP", () => {
    expect(sniffImageType(ascii("# Notes\nThis is not a picture.\n"))).toBeUndefined();
    expect(sniffImageType(ascii("BMW and Audi sales, 2024, by month and region."))).toBeUndefined();
  });

  it("refuses a video, which shares the ISO-BMFF container", () => {
    expect(sniffImageType(ftyp("isom", "isom", "mp42"))).toBeUndefined();
  });

  it("refuses empty and truncated input without throwing", async () => {
    const jpeg = await pixels().jpeg().toBuffer();
    expect(sniffImageType(new Uint8Array())).toBeUndefined();
    expect(sniffImageType(new Uint8Array(jpeg.subarray(0, 2)))).toBeUndefined();
    expect(sniffImageType(ascii("RIFF"))).toBeUndefined();
  });
});
