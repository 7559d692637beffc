/**
 * The HiDream-O1 endpoints' inputs and output, stated once: every input field with its default,
 * range and enum, built per endpoint from the catalog (steps, guidance and the references needed
 * differ; the rest is shared). The form, the proxy, the local backend's 422s and the tests all
 * import this module; no other file repeats these numbers.
 */
import * as z from "zod/mini";
import { ENDPOINTS, type ModelId } from "./catalog";

// zod/mini, not zod: this module is in the page's first load (the form validates as you type),
// and mini's functional checks let the bundler drop what the schema does not use (~8 KB gzip
// against ~32 KB). Server modules may use classic zod; the two share zod's core and its errors.
// zod compiles object parsers with `new Function` when it may; the page's CSP forbids eval, and
// zod's probe for it would be reported as a violation in every browser console.
z.config({ jitless: true });

/** The Dev endpoint, the playground's default (catalog.ts has both). */
export const ENDPOINT_ID = ENDPOINTS.dev.id;

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

/** The ranges both endpoints share; steps, guidance and the least references are per endpoint. */
export const INPUT_RANGES = {
  referenceImages: { max: 10 },
  numImages: { min: 1, max: 4, default: 1 },
  // The API page gives no bound for a custom size; fal's other ImageSize schemas use 14142.
  customSide: { min: 1, max: 14142 },
  seed: { min: 0, max: 2 ** 32 - 1 },
} as const;

/** A whole number in [min, max], with one message a user can act on for every way it can fail. */
function intIn(min: number, max: number, what: string) {
  const error = `${what} must be a whole number from ${min} to ${max}.`;
  return z.int({ error }).check(z.gte(min, { error }), z.lte(max, { error }));
}

function numberIn(min: number, max: number, what: string) {
  const error = `${what} must be a number from ${min} to ${max}.`;
  return z.number({ error }).check(z.gte(min, { error }), z.lte(max, { error }));
}

export const customImageSizeSchema = z.object({
  width: intIn(INPUT_RANGES.customSide.min, INPUT_RANGES.customSide.max, "Width"),
  height: intIn(INPUT_RANGES.customSide.min, INPUT_RANGES.customSide.max, "Height"),
});
export type CustomImageSize = z.infer<typeof customImageSizeSchema>;

export const imageSizeSchema = z.union([z.enum(IMAGE_SIZE_PRESETS), customImageSizeSchema]);
export type ImageSize = z.infer<typeof imageSizeSchema>;

export const DEFAULT_IMAGE_SIZE: CustomImageSize = { width: 2048, height: 2048 };

/** The input schema of one endpoint: what it accepts, with its defaults. */
export function inputSchemaFor(model: ModelId) {
  const { steps, guidance, minReferences } = ENDPOINTS[model];
  const references = INPUT_RANGES.referenceImages.max;
  return z
    .object({
      prompt: z.string().check(z.trim(), z.minLength(1, "Write a prompt.")),
      // One shape for both: Dev requires references (checked below, also when the list is left
      // out), Full takes none for text to image ("use none", fal's page).
      reference_image_urls: z.optional(
        z
          .array(z.string().check(z.minLength(1)))
          .check(z.maxLength(references, `At most ${references} reference images.`)),
      ),
      image_size: z._default(imageSizeSchema, DEFAULT_IMAGE_SIZE),
      num_inference_steps: z._default(intIn(steps.min, steps.max, "Steps"), steps.default),
      guidance_scale: z._default(
        numberIn(guidance.min, guidance.max, "Guidance"),
        guidance.default,
      ),
      seed: z.optional(intIn(INPUT_RANGES.seed.min, INPUT_RANGES.seed.max, "Seed")),
      num_images: z._default(
        intIn(INPUT_RANGES.numImages.min, INPUT_RANGES.numImages.max, "Number of images"),
        INPUT_RANGES.numImages.default,
      ),
      output_format: z._default(z.enum(OUTPUT_FORMATS), "png"),
      sync_mode: z._default(z.boolean(), false),
      enable_safety_checker: z._default(z.boolean(), true),
      keep_original_aspect: z._default(z.boolean(), false),
    })
    .check(
      z.refine(
        (input) => {
          const urls: unknown = input.reference_image_urls;
          return (Array.isArray(urls) ? urls.length : 0) >= minReferences;
        },
        { error: "Add at least one reference image.", path: ["reference_image_urls"] },
      ),
    );
}

/** The Dev endpoint's input schema (both endpoints take the same fields; the ranges differ). */
export const editInputSchema = inputSchemaFor("dev");
/** What a caller may send (optional fields may be left out). */
export type EditInput = z.input<typeof editInputSchema>;
/** The input with every default applied, as the model sees it. */
export type ResolvedEditInput = z.output<typeof editInputSchema>;

export const imageFileSchema = z.object({
  url: z.string(),
  content_type: z.optional(z.string()),
  file_name: z.optional(z.string()),
  file_size: z.optional(z.int()),
  width: z.optional(z.int()),
  height: z.optional(z.int()),
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
export function toFieldErrors(error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    loc: ["body", ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    msg: issue.message,
    type: issue.code,
  }));
}
