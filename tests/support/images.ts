/** Real test images, encoded by sharp. */
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
