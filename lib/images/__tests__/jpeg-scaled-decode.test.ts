import sharp, { type JpegOptions } from "sharp";
import { describe, expect, it } from "vitest";
import { fitArea } from "@/lib/images/prepare";
import { coveringEighths, jpegStoredSize } from "@/lib/images/jpeg-scaled-decode";

const jpeg = async (width: number, height: number, options: JpegOptions = {}) =>
  new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: "#0ea5e9" } })
      .jpeg(options)
      .withMetadata({ orientation: 6 })
      .toBuffer(),
  );

describe("jpegStoredSize", () => {
  it("reads the stored size from baseline and progressive frames, after EXIF", async () => {
    expect(jpegStoredSize(await jpeg(601, 402))).toEqual({ width: 601, height: 402 });
    expect(jpegStoredSize(await jpeg(64, 4000, { progressive: true }))).toEqual({
      width: 64,
      height: 4000,
    });
  });

  it("answers undefined when the frame is not in the bytes given, or for other formats", async () => {
    const bytes = await jpeg(300, 200);
    expect(jpegStoredSize(bytes.subarray(0, 20))).toBeUndefined();
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    expect(jpegStoredSize(new Uint8Array(png))).toBeUndefined();
    expect(jpegStoredSize(new Uint8Array([0xff, 0xd8, 0x00, 0x00, 0, 0, 0, 0, 0, 0]))).toBe(
      undefined,
    );
  });
});

describe("coveringEighths", () => {
  it("keeps at least the model's pixels: a 24-MP photo needs half its size", () => {
    const original = { width: 4000, height: 6000 };
    const target = fitArea(original);
    const eighths = coveringEighths(original, target);
    expect(eighths).toBe(4);
    expect(Math.ceil((original.width * eighths) / 8)).toBeGreaterThanOrEqual(target.width);
    expect(Math.ceil((original.height * eighths) / 8)).toBeGreaterThanOrEqual(target.height);
  });

  it("covers the target on every side, for many sizes and aspects", () => {
    for (let width = 1000; width <= 12000; width += 357) {
      for (const aspect of [0.25, 0.5, 0.75, 1, 1.5, 3]) {
        const original = { width, height: Math.round(width * aspect) };
        const target = fitArea(original);
        const eighths = coveringEighths(original, target);
        expect(eighths).toBeGreaterThanOrEqual(1);
        expect(eighths).toBeLessThanOrEqual(8);
        expect(Math.ceil((original.width * eighths) / 8)).toBeGreaterThanOrEqual(target.width);
        expect(Math.ceil((original.height * eighths) / 8)).toBeGreaterThanOrEqual(target.height);
        if (eighths > 1) {
          // One eighth fewer would not cover it: no larger decode than needed.
          const fewer = eighths - 1;
          expect(
            (original.width * fewer) / 8 < target.width ||
              (original.height * fewer) / 8 < target.height,
          ).toBe(true);
        }
      }
    }
  });

  it("asks for a full decode when the image is already small enough", () => {
    expect(coveringEighths({ width: 1500, height: 1000 }, { width: 1500, height: 1000 })).toBe(8);
  });
});
