/**
 * The HiDream-O1 endpoints the playground runs, stated once: the form, the cost estimate, the API
 * snippets, the proxy's policy and budget, and the demo backend all read this table. What fal's
 * pages confirm and what stays unverified is recorded with each (../shared/reference/
 * hidream-family.md): the Dev page gives every input; the Full page gives every input too, but
 * not the members of its image_size enum nor its largest reference count.
 */

export const MODELS = ["dev", "full"] as const;
export type ModelId = (typeof MODELS)[number];

interface Range {
  min: number;
  max: number;
  default: number;
}

export interface EndpointSpec {
  model: ModelId;
  /** fal's endpoint id: where a submit goes. */
  id: string;
  label: string;
  /** One line for people choosing between the models. */
  summary: string;
  /** US dollars per output megapixel, per image (fal's pricing page). */
  pricePerMegapixelUsd: number;
  steps: Range;
  guidance: Range;
  /** References a run needs at least; at most is the playground's cap (INPUT_RANGES). */
  minReferences: number;
  /** What no fal page confirms for this endpoint: said in the UI's notes and the README. */
  unverified: readonly string[];
}

/** Status, result and cancel of both endpoints go to owner/alias only: the client drops the rest. */
export const ENDPOINT_APP = "fal-ai/hidream-o1-image";

export const ENDPOINTS: Record<ModelId, EndpointSpec> = {
  dev: {
    model: "dev",
    id: "fal-ai/hidream-o1-image/dev/edit",
    label: "Dev",
    summary: "Distilled: 28 steps, half the price. Edits and personalizes; needs a reference.",
    pricePerMegapixelUsd: 0.005,
    steps: { min: 1, max: 28, default: 28 },
    guidance: { min: 0, max: 20, default: 0 },
    minReferences: 1,
    unverified: ["the most reference images fal accepts (the playground allows 10)"],
  },
  full: {
    model: "full",
    id: "fal-ai/hidream-o1-image",
    label: "Full",
    summary:
      "The full model: 50 steps with guidance, twice the price, HiDream's pick for editing. No reference: text to image.",
    pricePerMegapixelUsd: 0.01,
    steps: { min: 1, max: 50, default: 50 },
    guidance: { min: 0, max: 20, default: 5 },
    minReferences: 0,
    unverified: [
      "the named sizes (square_hd…) — fal's page gives the enum without its members",
      "the most reference images fal accepts (the playground allows 10)",
    ],
  },
};

export const DEFAULT_MODEL: ModelId = "dev";

/** The catalog entry a submit's endpoint id names, or undefined for any other endpoint. */
export function endpointById(id: string): EndpointSpec | undefined {
  return Object.values(ENDPOINTS).find((spec) => spec.id === id);
}

/** The endpoint of a run; runs saved before the catalog name none and ran on Dev. */
export function endpointOf(run: { endpointId?: string }): EndpointSpec {
  return (run.endpointId && endpointById(run.endpointId)) || ENDPOINTS[DEFAULT_MODEL];
}

/** What the reference count asks the model to do. */
export function taskOf(referenceCount: number): string {
  if (referenceCount === 0) return "text to image";
  if (referenceCount === 1) return "edit";
  return `personalize ${referenceCount} subjects`;
}

/**
 * About how many pixels on its long side the model gives each reference: the official pipeline
 * shrinks references as their number grows (hidream-family.md, from pipeline.py), so ten
 * references lose detail that one keeps.
 */
export function referenceResolution(referenceCount: number): number {
  if (referenceCount <= 1) return 2048;
  if (referenceCount === 2) return 1536;
  if (referenceCount <= 4) return 1024;
  if (referenceCount <= 8) return 768;
  return 512;
}
