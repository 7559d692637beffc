/**
 * Photo-like 2048² PNGs for the browser benches, and their upload to the demo backend as the app
 * uploads. Made with sharp, deterministic per index, cached in the OS temp folder between runs
 * (never committed): a model's PNG weighs megabytes, a flat render would flatter every page.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";

/** Bump when the generator changes, so a stale cache is not reused. */
const GENERATOR_VERSION = 1;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One octave of value noise: a coarse random grid, upscaled by sharp with a cubic kernel. */
async function octave(random: () => number, size: number, cell: number): Promise<Uint8Array> {
  const small = Math.ceil(size / cell);
  const lattice = new Uint8Array(small * small).map(() => Math.floor(random() * 256));
  return sharp(lattice, { raw: { width: small, height: small, channels: 1 } })
    .resize(size, size, { kernel: "cubic" })
    .raw()
    .toBuffer();
}

/**
 * A photo-like RGB image, the same for the same index. Flat renders compress to almost nothing;
 * what makes a model's PNG weigh megabytes and its thumbnail a photo's kilobytes is detail at
 * every scale, so: a sky-to-ground gradient with soft lights, large soft shapes, a field of small
 * crisp ones, a texture of 4–128 px octaves, and a little grain (amounts vary by index).
 */
async function photoLike(index: number, size: number): Promise<Uint8Array> {
  const random = mulberry32(0x5eed + index * 7919);
  const grain = 1 + random();
  const texture = 0.3 + random() * 0.3;
  const pebbles = 1000 + Math.floor(random() * 2000);
  const color = () => [random() * 255, random() * 255, random() * 255] as const;
  const px = new Float32Array(size * size * 3);

  const top = color();
  const bottom = color();
  const horizon = 0.3 + random() * 0.4;
  for (let y = 0; y < size; y++) {
    const v = y / size;
    const t = v < horizon ? (v / horizon) * 0.6 : 0.6 + ((v - horizon) / (1 - horizon)) * 0.4;
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      for (let ch = 0; ch < 3; ch++) px[i + ch] = top[ch]! * (1 - t) + bottom[ch]! * t;
    }
  }
  for (let light = 0; light < 3; light++) {
    const lx = random() * size;
    const ly = random() * size;
    const r = (0.15 + random() * 0.35) * size;
    const c = color();
    const k = 0.3 + random() * 0.4;
    const [x0, x1] = [Math.max(0, Math.floor(lx - 2 * r)), Math.min(size, Math.ceil(lx + 2 * r))];
    const [y0, y1] = [Math.max(0, Math.floor(ly - 2 * r)), Math.min(size, Math.ceil(ly + 2 * r))];
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const w = k * Math.exp(-((x - lx) ** 2 + (y - ly) ** 2) / (r * r));
        const i = (y * size + x) * 3;
        for (let ch = 0; ch < 3; ch++) px[i + ch] = px[i + ch]! * (1 - w) + c[ch]! * w;
      }
  }
  const ellipse = (
    cx: number,
    cy: number,
    rx: number,
    ry: number,
    c: readonly number[],
    edge: number,
  ) => {
    const [x0, x1] = [Math.max(0, Math.floor(cx - rx)), Math.min(size, Math.ceil(cx + rx))];
    const [y0, y1] = [Math.max(0, Math.floor(cy - ry)), Math.min(size, Math.ceil(cy + ry))];
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const dx = (x - cx) / rx;
        const dy = (y - cy) / ry;
        const d = Math.sqrt(dx * dx + dy * dy);
        if (d >= 1) continue;
        const e = Math.min(1, (1 - d) / edge);
        const alpha = e * e * (3 - 2 * e);
        const shade = 1.15 - 0.3 * ((dx + dy) * 0.5 + 0.5);
        const i = (y * size + x) * 3;
        for (let ch = 0; ch < 3; ch++)
          px[i + ch] = px[i + ch]! * (1 - alpha) + c[ch]! * shade * alpha;
      }
  };
  const shapes = 6 + Math.floor(random() * 5);
  for (let s = 0; s < shapes; s++) {
    const [rx, ry] = [(0.05 + random() * 0.2) * size, (0.05 + random() * 0.2) * size];
    ellipse(random() * size, random() * size, rx, ry, color(), 0.02 + random() * 0.08);
  }
  const base = color();
  for (let s = 0; s < pebbles; s++) {
    const c = base.map((v) => Math.max(0, Math.min(255, v + (random() - 0.5) * 160)));
    const cy = size * (horizon + random() * (1 - horizon));
    const [rx, ry] = [(0.004 + random() * 0.02) * size, (0.003 + random() * 0.015) * size];
    ellipse(random() * size, cy, rx, ry, c, 0.1 + random() * 0.3);
  }

  const tex = new Float32Array(size * size);
  let total = 0;
  for (const [cell, amp] of [
    [4, 0.5],
    [8, 0.7],
    [16, 0.9],
    [32, 1],
    [64, 1],
    [128, 1],
  ] as const) {
    const layer = await octave(random, size, cell);
    for (let p = 0; p < tex.length; p++) tex[p]! += amp * (layer[p]! / 127.5 - 1);
    total += amp;
  }
  const out = new Uint8Array(size * size * 3);
  // Roughly normal (sum of four uniforms, sd 0.577), scaled to the grain's sd in levels.
  const normal = () => random() + random() + random() + random() - 2;
  const g = grain / 0.577;
  const k = texture / Math.sqrt(total);
  for (let p = 0; p < size * size; p++) {
    const m = 1 + k * tex[p]!;
    const luma = normal() * g;
    const i = p * 3;
    for (let ch = 0; ch < 3; ch++) {
      const v = px[i + ch]! * m + luma + normal() * g * 0.35;
      out[i + ch] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }
  }
  return out;
}

/** The PNGs, from the temp-folder cache or made now (adaptive row filters, as libpng/PIL write). */
export async function makeImages(count: number, size: number, label: string) {
  const started = performance.now();
  // Named after the bench that made it first; every bench that needs these PNGs shares it.
  const dir = path.join(os.tmpdir(), `share-page-bench-v${GENERATOR_VERSION}-${size}`);
  await mkdir(dir, { recursive: true });
  const files: Buffer[] = [];
  let generated = 0;
  for (let index = 0; index < count; index++) {
    const file = path.join(dir, `image-${String(index).padStart(2, "0")}.png`);
    const cached = await readFile(file).catch(() => undefined);
    if (cached) {
      files.push(cached);
      continue;
    }
    if (generated === 0)
      console.log(`${label}: making ${count} PNGs of ${size}² (cached in ${dir}).`);
    const raw = await photoLike(index, size);
    const png = await sharp(raw, { raw: { width: size, height: size, channels: 3 } })
      .png({ adaptiveFiltering: true })
      .toBuffer();
    await writeFile(`${file}.part`, png);
    await rename(`${file}.part`, file);
    files.push(png);
    generated++;
  }
  return { files, generated, seconds: (performance.now() - started) / 1000 };
}

/** Uploads as the app does: initiate through the fal proxy, then PUT to the signed URL. */
async function upload(
  origin: string,
  bytes: Buffer,
  name: string,
  headers: Record<string, string>,
): Promise<string> {
  const initiate = await fetch(`${origin}/api/fal/proxy`, {
    method: "POST",
    headers: {
      ...headers,
      "content-type": "application/json",
      "x-fal-target-url": "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
    },
    body: JSON.stringify({ content_type: "image/png", file_name: name }),
  });
  if (!initiate.ok)
    throw new Error(`upload initiate: HTTP ${initiate.status} ${await initiate.text()}`);
  const { upload_url, file_url } = (await initiate.json()) as {
    upload_url: string;
    file_url: string;
  };
  const put = await fetch(upload_url, {
    method: "PUT",
    headers: { "content-type": "image/png" },
    body: new Uint8Array(bytes),
  });
  if (!put.ok) throw new Error(`upload PUT: HTTP ${put.status} ${await put.text()}`);
  await put.arrayBuffer();
  const stored = await fetch(file_url);
  const got = (await stored.arrayBuffer()).byteLength;
  if (!stored.ok || got !== bytes.byteLength)
    throw new Error(
      `${file_url}: HTTP ${stored.status}, ${got} bytes, not the ${bytes.byteLength} sent`,
    );
  return file_url;
}

/**
 * Uploads every file, a few at once; the URLs in the files' order. `headers` go with each
 * initiate call (a bench sending more than the proxy's 60 uploads a minute names its clients).
 */
export async function uploadAll(
  origin: string,
  files: Buffer[],
  name: string,
  headers: Record<string, string> = {},
): Promise<string[]> {
  const urls: string[] = new Array(files.length);
  let next = 0;
  // A few at once: the demo backend allows 30 unfinished uploads per client.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = next++; i < files.length; i = next++)
        urls[i] = await upload(origin, files[i]!, `${name}-${i + 1}.png`, headers);
    }),
  );
  return urls;
}
