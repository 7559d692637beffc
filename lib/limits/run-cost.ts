/** What a submitted run may cost at most, computed from its input before it reaches fal. */
import {
  costUsd,
  DEFAULT_MODEL,
  INPUT_RANGES,
  keepsOriginalAspect,
  OUTPUT_PRESETS,
  outputSize,
  TARGET_AREA,
  type ImageSize,
  type ModelId,
  type Size,
} from "@/lib/endpoint";

/** The largest output the model renders (a keep-original-aspect output stays within this area). */
const LARGEST: Size = { width: Math.sqrt(TARGET_AREA), height: Math.sqrt(TARGET_AREA) };

/** The least any run can cost: one image at the smallest preset, on the cheaper model. */
export const CHEAPEST_RUN_USD = Math.min(
  ...OUTPUT_PRESETS.map((size) => costUsd(size, 1, DEFAULT_MODEL)),
);

/**
 * The most a run with this input can cost: output megapixels × images × price. The proxy does not
 * know the reference's size, so keep-original-aspect is priced at the largest output. The proxy
 * calls it with the validated input it forwards, so the price is that of exactly what is sent.
 */
export function maxRunCostUsd(
  input: {
    image_size?: ImageSize;
    num_images?: number;
    keep_original_aspect?: boolean;
    reference_image_urls?: readonly string[];
  },
  model: ModelId = DEFAULT_MODEL,
): number {
  const perImage = keepsOriginalAspect(input) ? LARGEST : outputSize(input);
  return costUsd(perImage, input.num_images ?? INPUT_RANGES.numImages.default, model);
}
