/**
 * Output sizes. The model works at about 4 megapixels: a request snaps to the preset whose aspect
 * ratio is closest, whatever pixel count was asked for (model-and-hosting.md).
 */
import { DEFAULT_IMAGE_SIZE, type ImageSize, type ImageSizePreset } from "./inputs";

export interface Size {
  width: number;
  height: number;
}

/** The resolutions the model renders at. */
export const OUTPUT_PRESETS: readonly Size[] = [
  { width: 2048, height: 2048 },
  { width: 2304, height: 1728 },
  { width: 1728, height: 2304 },
  { width: 2560, height: 1440 },
  { width: 1440, height: 2560 },
  { width: 2496, height: 1664 },
  { width: 1664, height: 2496 },
  { width: 3104, height: 1312 },
  { width: 1312, height: 3104 },
  { width: 2304, height: 1792 },
  { width: 1792, height: 2304 },
];

/** fal's named sizes, as fal's other endpoints define them. */
export const NAMED_SIZES: Record<ImageSizePreset, Size> = {
  square_hd: { width: 1024, height: 1024 },
  square: { width: 512, height: 512 },
  portrait_4_3: { width: 768, height: 1024 },
  portrait_16_9: { width: 576, height: 1024 },
  landscape_4_3: { width: 1024, height: 768 },
  landscape_16_9: { width: 1024, height: 576 },
};

/** The area a keep-original-aspect output is scaled to, and the grid its sides sit on. */
export const TARGET_AREA = DEFAULT_IMAGE_SIZE.width * DEFAULT_IMAGE_SIZE.height;
const SIDE_MULTIPLE = 32;

/** The requested width × height of an `image_size` value (named or custom). */
export function requestedSize(imageSize: ImageSize): Size {
  return typeof imageSize === "string" ? NAMED_SIZES[imageSize] : imageSize;
}

/** The preset the model renders for a requested size: the closest aspect ratio wins. */
export function snapToPreset(requested: Size): Size {
  const aspect = Math.log(requested.width / requested.height);
  let best = OUTPUT_PRESETS[0]!;
  for (const preset of OUTPUT_PRESETS) {
    const distance = Math.abs(Math.log(preset.width / preset.height) - aspect);
    if (distance < Math.abs(Math.log(best.width / best.height) - aspect)) best = preset;
  }
  return best;
}

/** The endpoint honours `keep_original_aspect` only with exactly one reference. */
export function keepAspectAvailable(referenceCount: number): boolean {
  return referenceCount === 1;
}

/** Whether an input's output takes its reference's aspect (the flag, with exactly one reference). */
export function keepsOriginalAspect(input: {
  keep_original_aspect?: boolean;
  reference_image_urls?: readonly unknown[];
}): boolean {
  return (
    input.keep_original_aspect === true &&
    keepAspectAvailable(input.reference_image_urls?.length ?? 0)
  );
}

/**
 * The output size when `keep_original_aspect` is on: the reference scaled to about 2048² pixels,
 * both sides floored to multiples of 32 (3000×2000 → 2496×1664).
 */
export function keepAspectSize(reference: Size): Size {
  const scale = Math.sqrt(TARGET_AREA / (reference.width * reference.height));
  const floored = (n: number) => Math.floor(n / SIDE_MULTIPLE) * SIDE_MULTIPLE;
  const short = Math.max(
    SIDE_MULTIPLE,
    floored(Math.min(reference.width, reference.height) * scale),
  );
  // A side never goes under 32; the other then shrinks so the area stays within 2048².
  const long = Math.max(
    SIDE_MULTIPLE,
    Math.min(
      floored(Math.max(reference.width, reference.height) * scale),
      floored(TARGET_AREA / short),
    ),
  );
  return reference.width >= reference.height
    ? { width: long, height: short }
    : { width: short, height: long };
}

/**
 * The size the model will produce for an input. `reference` is the single reference's size when
 * keep_original_aspect applies (exactly one reference); otherwise the requested size snaps.
 */
export function outputSize(
  input: {
    image_size?: ImageSize;
    keep_original_aspect?: boolean;
    reference_image_urls?: readonly string[];
  },
  reference?: Size,
): Size {
  if (keepsOriginalAspect(input) && reference) return keepAspectSize(reference);
  return snapToPreset(requestedSize(input.image_size ?? DEFAULT_IMAGE_SIZE));
}

export function megapixels(size: Size): number {
  return (size.width * size.height) / 1_000_000;
}
