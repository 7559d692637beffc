/** What a submitted run may cost at most, computed from its input before it reaches fal. */
import {
  costUsd,
  imageSizeSchema,
  LIMITS,
  outputSize,
  TARGET_AREA,
  type Size,
} from "@/lib/endpoint";

/** The largest output the model renders (a keep-original-aspect output stays within this area). */
const LARGEST: Size = { width: Math.sqrt(TARGET_AREA), height: Math.sqrt(TARGET_AREA) };

/**
 * The most a run with this input can cost: output megapixels × images × price. The proxy does not
 * know the reference's size, so keep-original-aspect is priced at the largest output; an input fal
 * would reject is priced at the most images, since its reservation is given back on the 422.
 */
export function maxRunCostUsd(input: unknown): number {
  const body = (typeof input === "object" && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const size = imageSizeSchema.safeParse(body.image_size);
  const count =
    typeof body.num_images === "number" &&
    Number.isInteger(body.num_images) &&
    body.num_images >= LIMITS.numImages.min &&
    body.num_images <= LIMITS.numImages.max
      ? body.num_images
      : body.num_images === undefined
        ? LIMITS.numImages.default
        : LIMITS.numImages.max;
  const perImage =
    body.keep_original_aspect === true || (body.image_size !== undefined && !size.success)
      ? LARGEST
      : outputSize({ image_size: size.success ? size.data : undefined });
  return costUsd(perImage, count);
}
