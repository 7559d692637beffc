/** Real test images, encoded by sharp. */
import { crc32 } from "node:zlib";
import sharp from "sharp";

export async function makePng(width = 640, height = 480, color = "#2563eb"): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${color}"/><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#f59e0b"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function imageSize(
  bytes: ArrayBuffer | Uint8Array,
): Promise<{ width?: number; height?: number; format?: string }> {
  const meta = await sharp(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).metadata();
  return { width: meta.width, height: meta.height, format: meta.format };
}

/** One PNG chunk: length, type, data and CRC, as any PNG writer lays it out. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A PNG of the given chunks after a 1×1 header: a file shaped by hand, as a crafted one is. */
export function handMadePng(chunks: Buffer[], width = 1, height = 1): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    ...chunks,
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
