"use client";

import { Button } from "@/components/ui/button";
import { ENDPOINTS } from "@/lib/endpoint";
import { usePlayground } from "@/lib/store/playground-store";

/**
 * Images dropped with their recipe in them: restore what made them, or use them as references.
 * Each offer is a region named after its file, so its buttons are found by what they act on.
 */
export function RecipeOffers() {
  const offers = usePlayground((s) => s.recipeOffers);
  const restoreRecipe = usePlayground((s) => s.restoreRecipe);
  const offerAsReference = usePlayground((s) => s.offerAsReference);
  const dismissRecipeOffer = usePlayground((s) => s.dismissRecipeOffer);
  if (offers.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      {offers.map(({ id, file, previewUrl, recipe }) => {
        const references = recipe.input.reference_image_urls?.length ?? 0;
        return (
          <section
            key={id}
            aria-label={`Recipe in ${file.name}`}
            className="border-accent-300 flex gap-3 rounded-xl border bg-accent-50 p-3 dark:border-accent-700/60 dark:bg-accent-700/10"
          >
            {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL */}
            <img
              src={previewUrl}
              alt=""
              className="size-16 shrink-0 rounded-lg object-cover"
              width={64}
              height={64}
            />
            <div className="flex min-w-0 flex-1 flex-col gap-1.5">
              <p className="text-sm">
                <span className="font-medium">{file.name}</span> carries the recipe that made it.
              </p>
              <p className="line-clamp-2 text-xs text-zinc-600 dark:text-zinc-300">
                {ENDPOINTS[recipe.model].label} · seed {recipe.seed} ·{" "}
                {references === 0
                  ? "no reference"
                  : `${references} reference${references > 1 ? "s" : ""}`}{" "}
                · “{recipe.input.prompt}”
              </p>
              <div className="flex flex-wrap gap-2">
                <Button
                  variant="primary"
                  className="px-2.5 py-1 text-xs"
                  onClick={() => void restoreRecipe(id)}
                >
                  Restore this recipe
                </Button>
                <Button
                  variant="secondary"
                  className="px-2.5 py-1 text-xs"
                  onClick={() => void offerAsReference(id)}
                >
                  Use as a reference
                </Button>
                <Button
                  variant="ghost"
                  className="px-2.5 py-1 text-xs"
                  onClick={() => dismissRecipeOffer(id)}
                >
                  Dismiss
                </Button>
              </div>
            </div>
          </section>
        );
      })}
    </div>
  );
}
