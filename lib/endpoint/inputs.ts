/**
 * The endpoints' input fields as plain data, stated once: the size presets, the output formats,
 * the ranges both endpoints share and the default size (steps, guidance and the references
 * needed are per endpoint, in catalog.ts). No zod here: the page's first load reads these, and
 * schema.ts builds the zod schemas from them.
 */
import { ENDPOINTS } from "./catalog";

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

export interface CustomImageSize {
  width: number;
  height: number;
}
export type ImageSize = ImageSizePreset | CustomImageSize;

export const DEFAULT_IMAGE_SIZE: CustomImageSize = { width: 2048, height: 2048 };

/** One entry of fal's 422 `detail` array (FastAPI/Pydantic shape). */
export interface FieldError {
  loc: (string | number)[];
  msg: string;
  type: string;
}
