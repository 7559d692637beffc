/**
 * The benches' synthetic camera photos: a 24-MP scene of gradients and shapes under grey texture
 * at four scales (fine noise like sensor grain and foliage, coarser like stone and cloth), as a
 * JPEG of quality 92 with EXIF orientation 6 (stored 6000×4000, shown 4000×6000) and a red square
 * in the stored top-left corner, which must end up top-right once turned upright.
 */
import sharp from "sharp";

/** The stored (not displayed) size of every photo. */
export const STORED = { width: 6000, height: 4000 };
/** The red square's side, in the stored top-left corner. */
export const MARKER = 400;

/** The 24-MP "camera" JPEG: quality 92, 4:2:0, EXIF orientation 6. */
export async function cameraJpeg(): Promise<Buffer> {
  const [photo] = await cameraJpegs(1);
  return photo!;
}

/**
 * `count` different 24-MP "camera" JPEGs (for the ten-at-once drop): the first is the photo
 * above, each other one the same scene with a coloured disc of its own, so no two prepare to the
 * same bytes (equal hashes would share one upload).
 */
export async function cameraJpegs(count: number): Promise<Buffer[]> {
  const photo = await cameraRaw();
  const photos: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const disc = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"><circle cx="300" cy="300" r="300" fill="hsl(${i * 36} 70% 50%)"/></svg>`,
    );
    let image = sharp(photo.data, { raw: photo.info });
    if (i > 0) image = image.composite([{ input: disc, left: 600 + i * 400, top: 2800 }]);
    photos.push(
      await image
        .jpeg({ quality: 92, chromaSubsampling: "4:2:0" })
        .withMetadata({ orientation: 6 })
        .toBuffer(),
    );
  }
  return photos;
}

/** The scene's raw pixels, before JPEG encoding. */
async function cameraRaw() {
  const { width, height } = STORED;
  const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs>
      <linearGradient id="land" x1="0" y1="0" x2="0.3" y2="1">
        <stop offset="0" stop-color="#5b8fd6"/><stop offset="0.55" stop-color="#cfe0f0"/>
        <stop offset="0.56" stop-color="#5d7a3a"/><stop offset="1" stop-color="#2f3f1c"/>
      </linearGradient>
      <radialGradient id="sun"><stop offset="0" stop-color="#fff6d0"/>
        <stop offset="1" stop-color="#fff6d0" stop-opacity="0"/></radialGradient>
    </defs>
    <rect width="100%" height="100%" fill="url(#land)"/>
    <circle cx="4600" cy="900" r="700" fill="url(#sun)"/>
    <path d="M0 2300 L900 1500 L1700 2100 L2600 1200 L3500 2000 L4300 1400 L6000 2300 Z" fill="#6b6f78"/>
    <rect x="700" y="2600" width="1400" height="1100" fill="#a0522d"/>
    <rect x="3400" y="2500" width="900" height="1300" rx="120" fill="#d9c27a"/>
    <circle cx="5000" cy="3200" r="500" fill="#b22222"/>
    <rect width="${MARKER}" height="${MARKER}" fill="#ff0000"/>
  </svg>`;
  const base = await sharp(Buffer.from(scene))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Grey noise at 1/16, 1/4, 1/2 and full scale, blended soft-light: detail at every octave.
  const layers = [];
  for (const [scale, sigma, blur] of [
    [16, 40],
    [4, 30],
    [2, 30],
    [1, 30, 0.5],
  ] as const) {
    layers.push(await texture(width / scale, height / scale, sigma, blur));
  }
  return sharp(base.data, { raw: base.info })
    .composite(layers)
    .raw()
    .toBuffer({ resolveWithObject: true });
}

async function texture(width: number, height: number, sigma: number, blur?: number) {
  const noise = { type: "gaussian" as const, mean: 128, sigma };
  const grey = await sharp({ create: { width, height, channels: 3, background: "#808080", noise } })
    .greyscale()
    .raw()
    .toBuffer();
  let layer = sharp(grey, { raw: { width, height, channels: 1 } }).resize(
    STORED.width,
    STORED.height,
    {
      kernel: "cubic",
    },
  );
  if (blur) layer = layer.blur(blur);
  const { data, info } = await layer
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { input: data, raw: info, blend: "soft-light" as const };
}
