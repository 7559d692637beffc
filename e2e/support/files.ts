/** Files a user might drop: real images made by sharp, and the bad ones the composer must refuse. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";

export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * A noisy photo-like JPEG of `width`×`height` stored pixels, with a red square in the stored
 * top-left corner (a tenth of the shorter side) to tell where the EXIF `orientation` put it.
 */
export async function jpegFile(
  name: string,
  width: number,
  height: number,
  orientation?: number,
): Promise<FilePayload> {
  const noisy = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#0ea5e9",
      noise: { type: "gaussian", mean: 120, sigma: 25 },
    },
  })
    .png()
    .toBuffer();
  const side = Math.round(Math.min(width, height) / 10);
  const red = {
    create: { width: side, height: side, channels: 3, background: "#ff0000" },
  } as const;
  let image = sharp(noisy).composite([{ input: red, left: 0, top: 0 }]);
  if (orientation) image = image.withMetadata({ orientation });
  return { name, mimeType: "image/jpeg", buffer: await image.jpeg({ quality: 90 }).toBuffer() };
}

/**
 * A large camera JPEG broken the ways a bad copy or a hostile file is: cut in half, or with a
 * start-of-frame that claims 60000×40000 pixels over the real data.
 */
export async function damagedJpegs(): Promise<FilePayload[]> {
  const { buffer } = await jpegFile("camera.jpg", 4000, 3000, 6);
  const lying = Buffer.from(buffer);
  // Walk the marker segments to the first SOFn (not DHT C4, JPG C8, DAC CC): height, width at +5.
  for (let at = 2; at + 9 < lying.length; at += 2 + lying.readUInt16BE(at + 2)) {
    const marker = lying[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      lying.writeUInt16BE(40_000, at + 5);
      lying.writeUInt16BE(60_000, at + 7);
      break;
    }
  }
  return [
    { name: "cut.jpg", mimeType: "image/jpeg", buffer: buffer.subarray(0, buffer.length >> 1) },
    { name: "lying.jpg", mimeType: "image/jpeg", buffer: lying },
  ];
}

export const notAnImage = (name = "notes.png"): FilePayload => ({
  name,
  mimeType: "image/png",
  buffer: Buffer.from("just some text, not pixels\n"),
});

export const emptyFile = (name = "empty.jpg"): FilePayload => ({
  name,
  mimeType: "image/jpeg",
  buffer: Buffer.alloc(0),
});

/** An ISO-BMFF header with the HEIC brand: what an iPhone photo starts with; Chromium cannot decode it. */
export const heicFile = (name = "IMG_0001.heic"): FilePayload => {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write("ftypheic", 4, "latin1");
  box.write("mif1heic", 16, "latin1");
  return { name, mimeType: "image/heic", buffer: Buffer.concat([box, Buffer.alloc(2048, 7)]) };
};

/** Over 50 MB: written to disk, since Playwright passes large files by path. */
export function hugeFilePath(name = "huge.jpg"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "huge-"));
  const file = path.join(dir, name);
  const buffer = Buffer.alloc(50 * 1024 * 1024 + 1024);
  buffer.set([0xff, 0xd8, 0xff, 0xe0]);
  writeFileSync(file, buffer);
  return file;
}
