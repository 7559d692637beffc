/**
 * The recipes slice: an image dropped on the playground that carries its recipe (one the
 * playground downloaded) is offered to restore: prompt, parameters, seed, model, and the
 * references whose URLs still load. Or it becomes a reference, as any image would.
 */
import type { StateCreator } from "zustand";
import { loadImageUrl } from "@/lib/images/check-url";
import { MAX_REFERENCE_BYTES } from "@/lib/images/sniff";
import type { Recipe } from "@/lib/recipe/recipe";
import type { PlaygroundState } from "./playground-store";

export interface RecipeOffer {
  id: string;
  file: File;
  /** An object URL of the file, for its thumbnail; revoked when the offer is answered. */
  previewUrl: string;
  recipe: Recipe;
}

export interface RecipesSlice {
  recipeOffers: RecipeOffer[];
  /** Files dropped, pasted or browsed: those carrying a recipe are offered, the rest become references. */
  addDroppedFiles(files: File[]): Promise<void>;
  /** Puts the recipe in the composer, with the references that still load. */
  restoreRecipe(id: string): Promise<void>;
  /** Uses the offered file as a reference after all. */
  offerAsReference(id: string): Promise<void>;
  dismissRecipeOffer(id: string): void;
}

async function recipeIn(file: File): Promise<Recipe | undefined> {
  if (file.size === 0 || file.size > MAX_REFERENCE_BYTES) return undefined;
  // The metadata reader loads with the first dropped file, not with the page.
  const [{ readRecipe }, bytes] = await Promise.all([
    import("@/lib/recipe/metadata"),
    file.arrayBuffer(),
  ]);
  return readRecipe(new Uint8Array(bytes));
}

export const createRecipesSlice: StateCreator<PlaygroundState, [], [], RecipesSlice> = (
  set,
  get,
) => {
  const take = (id: string) => {
    const offer = get().recipeOffers.find((o) => o.id === id);
    if (offer) {
      URL.revokeObjectURL(offer.previewUrl);
      set((state) => ({ recipeOffers: state.recipeOffers.filter((o) => o.id !== id) }));
    }
    return offer;
  };

  return {
    recipeOffers: [],

    async addDroppedFiles(files) {
      const recipes = await Promise.all(files.map((file) => recipeIn(file).catch(() => undefined)));
      const offers: RecipeOffer[] = files.flatMap((file, i) => {
        const recipe = recipes[i];
        return recipe
          ? [{ id: crypto.randomUUID(), file, previewUrl: URL.createObjectURL(file), recipe }]
          : [];
      });
      if (offers.length) set((state) => ({ recipeOffers: [...state.recipeOffers, ...offers] }));
      const plain = files.filter((_, i) => !recipes[i]);
      if (plain.length) await get().addReferenceFiles(plain);
    },

    async restoreRecipe(id) {
      const offer = take(id);
      if (!offer) return;
      const { recipe } = offer;
      const urls = recipe.input.reference_image_urls ?? [];
      const loads = await Promise.all(urls.map((url) => loadImageUrl(url)));
      const kept = urls.filter((_, i) => typeof loads[i] !== "string");
      get().reuseInput({ ...recipe.input, reference_image_urls: kept }, recipe.model);
      const missing = urls.length - kept.length;
      if (missing > 0) {
        set({
          notices: [
            `${missing} of ${urls.length} reference${urls.length > 1 ? "s" : ""} of this recipe no longer load${missing === 1 ? "s" : ""} (fal keeps uploads for a limited time). Add ${missing === 1 ? "it" : "them"} again to make the same image.`,
          ],
        });
      }
    },

    async offerAsReference(id) {
      const offer = take(id);
      if (offer) await get().addReferenceFiles([offer.file]);
    },

    dismissRecipeOffer(id) {
      take(id);
    },
  };
};
