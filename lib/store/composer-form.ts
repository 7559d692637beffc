/**
 * The composer's form: what the controls hold (numbers as typed text, so a half-typed value can
 * be shown with its problem), and how it becomes the endpoint's input. Validation is the
 * endpoint schema's own, in composer-check.ts: this module stays free of zod, since the page's
 * first load needs the form but not the checks until someone composes.
 */
import {
  DEFAULT_IMAGE_SIZE,
  DEFAULT_MODEL,
  ENDPOINTS,
  IMAGE_SIZE_PRESETS,
  keepAspectAvailable,
  INPUT_RANGES,
  OUTPUT_FORMATS,
  type EditInput,
  type ModelId,
  type ImageSize,
  type ImageSizePreset,
  type OutputFormat,
} from "@/lib/endpoint";

export type SizeChoice = "default" | ImageSizePreset | "custom";
export type SeedMode = "random" | "fixed";

export interface ComposerForm {
  /** Which endpoint runs: Dev (fal-ai/hidream-o1-image/dev/edit) or Full. */
  model: ModelId;
  sizeChoice: SizeChoice;
  customWidth: string;
  customHeight: string;
  steps: string;
  guidance: string;
  seedMode: SeedMode;
  seed: string;
  numImages: number;
  outputFormat: OutputFormat;
  safetyChecker: boolean;
  syncMode: boolean;
  keepOriginalAspect: boolean;
}

export const DEFAULT_FORM: ComposerForm = {
  model: DEFAULT_MODEL,
  sizeChoice: "default",
  customWidth: String(DEFAULT_IMAGE_SIZE.width),
  customHeight: String(DEFAULT_IMAGE_SIZE.height),
  steps: String(ENDPOINTS[DEFAULT_MODEL].steps.default),
  guidance: String(ENDPOINTS[DEFAULT_MODEL].guidance.default),
  seedMode: "random",
  seed: "",
  numImages: INPUT_RANGES.numImages.default,
  outputFormat: "png",
  safetyChecker: true,
  syncMode: false,
  keepOriginalAspect: false,
};

/** Names of the places an error can be shown: endpoint fields, plus the two custom size boxes. */
export type FieldName = keyof EditInput | "image_size.width" | "image_size.height";
export type FieldErrors = Partial<Record<FieldName, string>>;

const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

export function imageSizeOf(form: ComposerForm): ImageSize {
  if (form.sizeChoice === "default") return DEFAULT_IMAGE_SIZE;
  if (form.sizeChoice === "custom")
    return { width: toNumber(form.customWidth), height: toNumber(form.customHeight) };
  return form.sizeChoice;
}

/**
 * The input a run would send, unchecked (composer-check.ts checks it against the schema). Only
 * what differs from nothing is sent for the seed (random means: let fal pick and report it).
 */
export function draftInput(form: ComposerForm, prompt: string, referenceUrls: string[]): EditInput {
  const input: EditInput = {
    prompt,
    // Text to image on Full sends no list at all ("use none", fal's page).
    ...(referenceUrls.length > 0 || ENDPOINTS[form.model].minReferences > 0
      ? { reference_image_urls: referenceUrls }
      : {}),
    image_size: imageSizeOf(form),
    num_inference_steps: toNumber(form.steps),
    guidance_scale: toNumber(form.guidance),
    num_images: form.numImages,
    output_format: form.outputFormat,
    sync_mode: form.syncMode,
    enable_safety_checker: form.safetyChecker,
    keep_original_aspect: form.keepOriginalAspect && keepAspectAvailable(referenceUrls.length),
  };
  if (form.seedMode === "fixed") input.seed = toNumber(form.seed);
  return input;
}

/** Whether the form is still the one a first visit starts with (nothing chosen yet). */
export function isDefaultForm(form: ComposerForm): boolean {
  return (Object.keys(DEFAULT_FORM) as (keyof ComposerForm)[]).every(
    (key) => form[key] === DEFAULT_FORM[key],
  );
}

/**
 * The form after switching models: what both share stays (size, seed, count, format, switches);
 * steps and guidance take the new model's defaults, since the two are tuned apart (28 and 0
 * against 50 and 5).
 */
export function switchModel(form: ComposerForm, model: ModelId): ComposerForm {
  if (form.model === model) return form;
  const { steps, guidance } = ENDPOINTS[model];
  return {
    ...form,
    model,
    steps: String(steps.default),
    guidance: String(guidance.default),
  };
}

/** The form that would send `input` again: for "reuse all parameters" on a past run. */
export function formFromInput(input: EditInput, model: ModelId = DEFAULT_MODEL): ComposerForm {
  const size = input.image_size;
  const isDefault =
    !size ||
    (typeof size === "object" &&
      size.width === DEFAULT_IMAGE_SIZE.width &&
      size.height === DEFAULT_IMAGE_SIZE.height);
  const defaults = { ...DEFAULT_FORM, ...switchModel(DEFAULT_FORM, model) };
  return saneForm({
    model,
    sizeChoice: isDefault ? "default" : typeof size === "string" ? size : "custom",
    customWidth: String(typeof size === "object" ? size.width : DEFAULT_FORM.customWidth),
    customHeight: String(typeof size === "object" ? size.height : DEFAULT_FORM.customHeight),
    steps: String(input.num_inference_steps ?? defaults.steps),
    guidance: String(input.guidance_scale ?? defaults.guidance),
    seedMode: input.seed === undefined ? "random" : "fixed",
    seed: input.seed === undefined ? "" : String(input.seed),
    numImages: input.num_images ?? DEFAULT_FORM.numImages,
    outputFormat: input.output_format ?? DEFAULT_FORM.outputFormat,
    safetyChecker: input.enable_safety_checker ?? DEFAULT_FORM.safetyChecker,
    syncMode: input.sync_mode ?? DEFAULT_FORM.syncMode,
    keepOriginalAspect: input.keep_original_aspect ?? DEFAULT_FORM.keepOriginalAspect,
  });
}

/** The longest text a number box keeps: more is not a number anyone typed. */
const MAX_TYPED = 32;
const SIZE_CHOICES: readonly string[] = ["default", "custom", ...IMAGE_SIZE_PRESETS];

/**
 * A form made from data the page did not write itself (a restored recipe, a past run's input, what
 * was saved in this browser): each field of the wrong type or out of its choices takes the
 * default, so nothing the controls cannot hold reaches them. Text fields stay as typed (bounded):
 * the composer's checks show what is wrong with them.
 */
export function saneForm(value: unknown): ComposerForm {
  const form = (typeof value === "object" && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const model = Object.hasOwn(ENDPOINTS, form.model as string)
    ? (form.model as ModelId)
    : DEFAULT_FORM.model;
  const defaults = switchModel(DEFAULT_FORM, model);
  const text = (key: keyof ComposerForm) => {
    const typed = form[key];
    return typeof typed === "string" && typed.length <= MAX_TYPED
      ? typed
      : (defaults[key] as string);
  };
  const flag = (key: keyof ComposerForm) =>
    typeof form[key] === "boolean" ? (form[key] as boolean) : (defaults[key] as boolean);
  const { min, max } = INPUT_RANGES.numImages;
  const count = form.numImages;
  return {
    model,
    sizeChoice: SIZE_CHOICES.includes(form.sizeChoice as string)
      ? (form.sizeChoice as SizeChoice)
      : defaults.sizeChoice,
    customWidth: text("customWidth"),
    customHeight: text("customHeight"),
    steps: text("steps"),
    guidance: text("guidance"),
    seedMode:
      form.seedMode === "fixed" || form.seedMode === "random" ? form.seedMode : defaults.seedMode,
    seed: text("seed"),
    numImages:
      Number.isInteger(count) && (count as number) >= min && (count as number) <= max
        ? (count as number)
        : defaults.numImages,
    outputFormat: (OUTPUT_FORMATS as readonly string[]).includes(form.outputFormat as string)
      ? (form.outputFormat as OutputFormat)
      : defaults.outputFormat,
    safetyChecker: flag("safetyChecker"),
    syncMode: flag("syncMode"),
    keepOriginalAspect: flag("keepOriginalAspect"),
  };
}
