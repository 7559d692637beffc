/**
 * The HiDream-O1 endpoints' inputs and output as zod schemas: every input field with its default,
 * range and enum (from inputs.ts and the catalog: steps, guidance and the references needed
 * differ per endpoint; the rest is shared) and the message a person can act on. The proxy, the
 * local backend's 422s, the grid planner and the tests import this module; the page loads it
 * once someone starts composing (lib/store/composer-check.ts), so zod is not in its first load.
 */
import { z } from "zod";
import { ENDPOINTS, type ModelId } from "./catalog";
import {
  DEFAULT_IMAGE_SIZE,
  IMAGE_SIZE_PRESETS,
  INPUT_RANGES,
  OUTPUT_FORMATS,
  type CustomImageSize,
  type FieldError,
  type ImageSize,
} from "./inputs";

// zod compiles object parsers with `new Function` when it may; the page's CSP forbids eval, and
// zod's probe for it would be reported as a violation in every browser console.
z.config({ jitless: true });

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

export const imageSizeSchema = z.union([z.enum(IMAGE_SIZE_PRESETS), customImageSizeSchema]);

// inputs.ts states the size types by hand (zod-free); these fail to compile if the two drift.
true satisfies z.infer<typeof customImageSizeSchema> extends CustomImageSize ? true : never;
true satisfies z.infer<typeof imageSizeSchema> extends ImageSize ? true : never;

/** The input schema of one endpoint: what it accepts, with its defaults. */
export function inputSchemaFor(model: ModelId) {
  const { steps, guidance, minReferences } = ENDPOINTS[model];
  const references = INPUT_RANGES.referenceImages.max;
  return z
    .object({
      prompt: z.string().trim().min(1, "Write a prompt."),
      // One shape for both: Dev requires references (checked below, also when the list is left
      // out), Full takes none for text to image ("use none", fal's page).
      reference_image_urls: z
        .array(z.string().min(1))
        .max(references, `At most ${references} reference images.`)
        .optional(),
      image_size: imageSizeSchema.default(DEFAULT_IMAGE_SIZE),
      num_inference_steps: intIn(steps.min, steps.max, "Steps").default(steps.default),
      guidance_scale: numberIn(guidance.min, guidance.max, "Guidance").default(guidance.default),
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
    })
    .refine(
      (input) => {
        const urls: unknown = input.reference_image_urls;
        return (Array.isArray(urls) ? urls.length : 0) >= minReferences;
      },
      { error: "Add at least one reference image.", path: ["reference_image_urls"] },
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

/** Maps zod issues to fal's 422 `detail` entries, with `loc` starting at "body" as fal does. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    loc: ["body", ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    msg: issue.message,
    type: issue.code,
  }));
}
