/**
 * The `fal-ai/hidream-o1-image/dev/edit` endpoint, stated once: every input field with its
 * default, range and enum, and the output. The form, the proxy, the local backend's 422s and
 * the tests all import this module; no other file repeats these numbers.
 */
import { z } from "zod";

// zod compiles object parsers with `new Function` when it may; the page's CSP forbids eval, and
// zod's probe for it would be reported as a violation in every browser console.
z.config({ jitless: true });

export const ENDPOINT_ID = "fal-ai/hidream-o1-image/dev/edit";
/** Status, result and cancel URLs use only owner/alias: the client drops the sub-path. */
export const ENDPOINT_APP = "fal-ai/hidream-o1-image";

export const IMAGE_SIZE_PRESETS = [
  "square_hd",
  "square",
  "portrait_4_3",
  "portrait_16_9",
  "landscape_4_3",
  "landscape_16_9",
] as const;
export type ImageSizePreset = (typeof IMAGE_SIZE_PRESETS)[number];

export const OUTPUT_FORMATS = ["jpeg", "png", "webp"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const INPUT_RANGES = {
  referenceImages: { min: 1, max: 10 },
  steps: { min: 1, max: 28, default: 28 },
  guidance: { min: 0, max: 20, default: 0 },
  numImages: { min: 1, max: 4, default: 1 },
  // The API page gives no bound for a custom size; fal's other ImageSize schemas use 14142.
  customSide: { min: 1, max: 14142 },
  seed: { min: 0, max: 2 ** 32 - 1 },
} as const;

/** A whole number in [min, max], with one message a user can act on for every way it can fail. */
function intIn(min: number, max: number, what: string) {
  const error = `${what} must be a whole number from ${min} to ${max}.`;
  return z.int({ error }).min(min, { error }).max(max, { error });
}

function numberIn(min: number, max: number, what: string) {
  const error = `${what} must be a number from ${min} to ${max}.`;
  return z.number({ error }).min(min, { error }).max(max, { error });
}

export const customImageSizeSchema = z.object({
  width: intIn(INPUT_RANGES.customSide.min, INPUT_RANGES.customSide.max, "Width"),
  height: intIn(INPUT_RANGES.customSide.min, INPUT_RANGES.customSide.max, "Height"),
});
export type CustomImageSize = z.infer<typeof customImageSizeSchema>;

export const imageSizeSchema = z.union([z.enum(IMAGE_SIZE_PRESETS), customImageSizeSchema]);
export type ImageSize = z.infer<typeof imageSizeSchema>;

export const DEFAULT_IMAGE_SIZE: CustomImageSize = { width: 2048, height: 2048 };

export const editInputSchema = z.object({
  prompt: z.string().trim().min(1, "Write a prompt."),
  reference_image_urls: z
    .array(z.string().min(1))
    .min(INPUT_RANGES.referenceImages.min, "Add at least one reference image.")
    .max(
      INPUT_RANGES.referenceImages.max,
      `At most ${INPUT_RANGES.referenceImages.max} reference images.`,
    ),
  image_size: imageSizeSchema.default(DEFAULT_IMAGE_SIZE),
  num_inference_steps: intIn(INPUT_RANGES.steps.min, INPUT_RANGES.steps.max, "Steps").default(
    INPUT_RANGES.steps.default,
  ),
  guidance_scale: numberIn(
    INPUT_RANGES.guidance.min,
    INPUT_RANGES.guidance.max,
    "Guidance",
  ).default(INPUT_RANGES.guidance.default),
  seed: intIn(INPUT_RANGES.seed.min, INPUT_RANGES.seed.max, "Seed").optional(),
  num_images: intIn(
    INPUT_RANGES.numImages.min,
    INPUT_RANGES.numImages.max,
    "Number of images",
  ).default(INPUT_RANGES.numImages.default),
  output_format: z.enum(OUTPUT_FORMATS).default("png"),
  sync_mode: z.boolean().default(false),
  enable_safety_checker: z.boolean().default(true),
  keep_original_aspect: z.boolean().default(false),
});
/** What a caller may send (optional fields may be left out). */
export type EditInput = z.input<typeof editInputSchema>;
/** The input with every default applied, as the model sees it. */
export type ResolvedEditInput = z.output<typeof editInputSchema>;

export const imageFileSchema = z.object({
  url: z.string(),
  content_type: z.string().optional(),
  file_name: z.string().optional(),
  file_size: z.int().optional(),
  width: z.int().optional(),
  height: z.int().optional(),
});
export type ImageFile = z.infer<typeof imageFileSchema>;

export const editOutputSchema = z.object({
  images: z.array(imageFileSchema),
  seed: z.int(),
  has_nsfw_concepts: z.array(z.boolean()),
  prompt: z.string(),
  timings: z.record(z.string(), z.number()),
});
export type EditOutput = z.infer<typeof editOutputSchema>;

/** One entry of fal's 422 `detail` array (FastAPI/Pydantic shape). */
export interface FieldError {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** Maps zod issues to fal's 422 `detail` entries, with `loc` starting at "body" as fal does. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    loc: ["body", ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    msg: issue.message,
    type: issue.code,
  }));
}
