/**
 * A result's recipe: everything that made it (endpoint, prompt, every parameter, the seed it
 * used, the reference URLs, fal's timings, the playground's version), so a downloaded image can
 * be made again, or restored into the composer from the file alone.
 */
import { endpointOf, type EditInput, type EditOutput, type ModelId } from "@/lib/endpoint";
import { APP_NAME, APP_VERSION } from "@/lib/app-version";

export const RECIPE_FORMAT = "hidream-playground-recipe";
export const RECIPE_VERSION = 1;

export interface Recipe {
  format: typeof RECIPE_FORMAT;
  version: typeof RECIPE_VERSION;
  app: string;
  appVersion: string;
  /** fal's endpoint id, and the catalog's name for it. */
  endpoint: string;
  model: ModelId;
  /** The input as sent, with the seed the result used filled in. */
  input: EditInput;
  seed: number;
  /** Which image of the run this is (0-based), and its size as fal reported it. */
  image: { index: number; of: number; width?: number; height?: number };
  requestId?: string;
  timings?: Record<string, number>;
  createdAt: string;
}

/** The recipe of one image of a finished run. */
export function recipeOf(
  run: {
    input: EditInput;
    endpointId?: string;
    requestId?: string;
    output?: EditOutput;
    completedAt?: number;
    submittedAt: number;
  },
  index: number,
): Recipe {
  const spec = endpointOf(run);
  const output = run.output;
  const image = output?.images[index];
  const seed = output?.seed ?? run.input.seed ?? 0;
  return {
    format: RECIPE_FORMAT,
    version: RECIPE_VERSION,
    app: APP_NAME,
    appVersion: APP_VERSION,
    endpoint: spec.id,
    model: spec.model,
    input: { ...run.input, seed },
    seed,
    image: { index, of: output?.images.length ?? 1, width: image?.width, height: image?.height },
    ...(run.requestId && { requestId: run.requestId }),
    ...(output?.timings && { timings: output.timings }),
    createdAt: new Date(run.completedAt ?? run.submittedAt).toISOString(),
  };
}

/** A recipe from JSON found in a file, or undefined when it is not one of ours. */
export function parseRecipe(text: string): Recipe | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const recipe = value as Partial<Recipe> | null;
  const input = recipe?.input as Record<string, unknown> | undefined;
  const urls = input?.reference_image_urls;
  // A file is anyone's: only a recipe of the shape this app writes is offered, and its parameters
  // pass saneForm (composer-form.ts) before the composer holds them.
  if (
    recipe?.format !== RECIPE_FORMAT ||
    typeof recipe.version !== "number" ||
    typeof input !== "object" ||
    input === null ||
    Array.isArray(input) ||
    typeof input.prompt !== "string" ||
    (urls !== undefined &&
      !(Array.isArray(urls) && urls.length <= 10 && urls.every((u) => typeof u === "string"))) ||
    !Number.isSafeInteger(recipe.seed) ||
    (recipe.model !== "dev" && recipe.model !== "full")
  ) {
    return undefined;
  }
  return recipe as Recipe;
}
