/**
 * The demo renderer: real images made by sharp from the actual references, at the output size the
 * model would produce, deterministic for a seed, and marked so nobody mistakes them for HiDream's.
 */
import sharp, { type OverlayOptions } from "sharp";
import type { OutputFormat } from "@/lib/endpoint";
import type { Size } from "@/lib/endpoint/sizes";
import { pixelText, textWidth } from "./pixel-font";

// sharp keeps up to 50 MB of decoded images in a cache and gives each image a libvips thread per
// core: with renders one at a time (DEMO_RENDER_CONCURRENCY) neither buys speed here, and both
// hold native memory that a long-lived demo never gets back (npm run bench, demo-memory: ~100 MB
// lower peak RSS). DEMO_SHARP_DEFAULTS=1 keeps sharp's own settings, for that comparison only.
if (process.env.DEMO_SHARP_DEFAULTS !== "1") {
  sharp.cache(false);
  sharp.concurrency(1);
}

export interface RenderRequest {
  /** Decodable reference bytes, in order; `null` for a reference the backend did not fetch. */
  references: (Uint8Array | null)[];
  size: Size;
  format: OutputFormat;
  seed: number;
  index: number;
  count: number;
  /** Which model "ran" it, written on the image (Dev or Full). */
  model?: string;
  /** Detail at every scale, so the file weighs what a model's does (DEMO_OUTPUT=realistic). */
  realistic?: boolean;
}

export interface RenderedImage {
  bytes: Buffer;
  contentType: string;
  width: number;
  height: number;
}

const CONTENT_TYPES: Record<OutputFormat, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

/** A 32-bit mix of seed and image index, so each image of a run looks different but repeatable. */
function variant(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}

function backdrop({ width, height }: Size, v: number): Buffer {
  const hue = v % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},70%,55%)"/><stop offset="1" stop-color="hsl(${(hue + 140) % 360},70%,25%)"/>
    </linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  return Buffer.from(svg);
}

/**
 * The label's font scale: about 1/260 of the width, but small enough that the longest line fits
 * between margins of 6 font pixels each side ("DEMO FULL OUTPUT…" ran off a 1440-wide portrait).
 */
function watermarkScale(width: number, lines: readonly string[]): number {
  const widest = Math.max(...lines.map((line) => textWidth(line, 1)));
  return Math.max(1, Math.min(Math.round(width / 260), Math.floor(width / (widest + 12))));
}

function watermark({ width, height }: Size, lines: string[]): Buffer {
  const scale = watermarkScale(width, lines);
  const lineHeight = 10 * scale;
  const pad = 3 * scale;
  const bandHeight = lines.length * lineHeight + pad * 2;
  const text = lines
    .map((line, i) =>
      pixelText(line, pad * 2, height - bandHeight + pad + i * lineHeight + scale, scale, "#fff"),
    )
    .join("");
  const badge = "DEMO";
  const badgeScale = scale * 2;
  const badgeWidth = textWidth(badge, badgeScale) + pad * 4;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect x="0" y="${height - bandHeight}" width="${width}" height="${bandHeight}" fill="#000" fill-opacity="0.62"/>
    ${text}
    <rect x="${pad * 2}" y="${pad * 2}" width="${badgeWidth}" height="${7 * badgeScale + pad * 4}" rx="${pad}" fill="#facc15"/>
    ${pixelText(badge, pad * 4, pad * 4, badgeScale, "#111")}
  </svg>`;
  return Buffer.from(svg);
}

async function thumbnails(
  references: (Uint8Array | null)[],
  size: Size,
): Promise<OverlayOptions[]> {
  const thumbHeight = Math.round(size.height / 7);
  const gap = Math.max(4, Math.round(size.width / 200));
  const border = Math.ceil(gap / 2); // sharp takes whole pixels only
  const overlays: OverlayOptions[] = [];
  let right = size.width - gap * 2;
  for (const bytes of references) {
    if (!bytes) continue;
    const thumb = await sharp(bytes)
      .rotate()
      .resize({ height: thumbHeight, width: thumbHeight * 2, fit: "inside" })
      .extend({ top: border, bottom: border, left: border, right: border, background: "#fff" })
      .png()
      .toBuffer({ resolveWithObject: true });
    right -= thumb.info.width;
    if (right < size.width / 3) break;
    overlays.push({ input: thumb.data, top: gap * 2, left: right });
    right -= gap;
  }
  return overlays;
}

/**
 * Soft detail over the whole picture: a coarse gaussian field (one sample per 16 px) upscaled with
 * a cubic kernel, blended in as overlay. A flat render's PNG is ~100 KB and hides what a gallery of
 * real results costs; with this a 2048² PNG is ~5 MB and its 512 px WebP ~40 KB, like a photo's
 * (bench/bench-images.ts makes richer ones, but pixel by pixel in JS: seconds per image).
 */
async function detail({ width, height }: Size, v: number): Promise<OverlayOptions> {
  const cell = 16;
  const [w, h] = [Math.ceil(width / cell), Math.ceil(height / cell)];
  // Seeded (xorshift over the image's variant), so a seed still gives the same file.
  let state = v || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  // Roughly gaussian: a sum of four uniforms, sd ≈ 0.29 × 4 … scaled to ±~90 levels around grey.
  const lattice = new Uint8Array(w * h * 3).map(() => {
    const value = 128 + (next() + next() + next() + next() - 2) * 78;
    return value < 0 ? 0 : value > 255 ? 255 : value;
  });
  const field = await sharp(lattice, { raw: { width: w, height: h, channels: 3 } })
    .resize(width, height, { kernel: "cubic" })
    .raw()
    .toBuffer();
  return { input: field, raw: { width, height, channels: 3 }, blend: "overlay" };
}

/** Renders one demo image: the first reference restyled, the others inset, and a demo label. */
export async function renderDemoImage(request: RenderRequest): Promise<RenderedImage> {
  const { size, format, seed, index, count, references, model = "Dev", realistic } = request;
  const v = variant(seed, index);
  const [first, ...others] = references;
  const base = first
    ? sharp(first).rotate().resize(size.width, size.height, { fit: "cover" })
    : sharp(backdrop(size, v)).resize(size.width, size.height);
  const missing = references.filter((r) => r === null).length;
  const lines = [
    `DEMO ${model.toUpperCase()} OUTPUT - NOT GENERATED BY HIDREAM`,
    `SEED ${seed}  IMAGE ${index + 1}/${count}  ${size.width}X${size.height}`,
    ...(missing ? [`${missing} URL REFERENCE${missing > 1 ? "S" : ""} NOT FETCHED IN DEMO`] : []),
  ];
  const image = base
    .modulate({ hue: v % 360, saturation: 1.1 + ((v >>> 9) % 40) / 100 })
    .composite([
      ...(realistic ? [await detail(size, v)] : []),
      ...(await thumbnails(others, size)),
      { input: watermark(size, lines), top: 0, left: 0 },
    ]);
  const encoded =
    format === "png"
      ? // Adaptive row filters, as libpng and PIL write a photo: without them a detailed 2048²
        // PNG is 12 MB, twice what a model's weighs. Flat renders keep the faster default.
        image.png({ compressionLevel: 6, adaptiveFiltering: !!realistic })
      : format === "jpeg"
        ? image.jpeg({ quality: 90, mozjpeg: false })
        : image.webp({ quality: 88 });
  const bytes = await encoded.toBuffer();
  return { bytes, contentType: CONTENT_TYPES[format], width: size.width, height: size.height };
}
