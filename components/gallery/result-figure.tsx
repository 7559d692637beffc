"use client";

import type { ImageFile, ModelId } from "@/lib/endpoint";
import type { Recipe } from "@/lib/recipe/recipe";
import { ImageFeedbackBadges } from "@/components/share-owner/image-feedback-badges";
import { imageFacts } from "./image-facts";
import { ResultActions } from "./result-actions";
import { ResultImage } from "./result-image";
import { StarBadge } from "./star-badge";
import { useFlash } from "./use-flash";

/** One result: the picture (veiled if flagged), its facts, its actions and their outcome. */
export function ResultFigure({
  image,
  selectKey,
  model,
  recipe,
  index,
  fileName,
  flagged,
  revealed,
  expired,
  canCompare,
  starred,
  onToggleReveal,
  onExpired,
  onOpen,
  onCompare,
  onToggleStar,
}: {
  image: ImageFile;
  selectKey: string;
  /** The model that made it, for its price. */
  model: ModelId;
  recipe: Recipe;
  index: number;
  fileName: string;
  flagged: boolean;
  revealed: boolean;
  expired: boolean;
  canCompare: boolean;
  starred: boolean;
  onToggleReveal(): void;
  onExpired(): void;
  onOpen(): void;
  onCompare(): void;
  onToggleStar(): void;
}) {
  const [status, say] = useFlash();
  const number = index + 1;
  return (
    <figure className="flex min-w-0 flex-col gap-1.5">
      <div className="relative">
        <ResultImage
          image={image}
          selectKey={selectKey}
          index={index}
          flagged={flagged}
          revealed={revealed}
          expired={expired}
          onToggleReveal={onToggleReveal}
          onExpired={onExpired}
          onOpen={onOpen}
        />
        <ImageFeedbackBadges selectKey={selectKey} />
        {starred && <StarBadge />}
      </div>
      <figcaption className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
        {imageFacts(image, model)}
      </figcaption>
      {/* The outcome sits beside the buttons, so saying it moves nothing else in the card. */}
      <div className="-ml-2 flex flex-wrap items-center gap-x-2">
        <ResultActions
          image={image}
          selectKey={selectKey}
          recipe={recipe}
          number={number}
          fileName={fileName}
          veiled={flagged && !revealed}
          expired={expired}
          canCompare={canCompare}
          starred={starred}
          onCompare={onCompare}
          onToggleStar={onToggleStar}
          say={say}
        />
        <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
          {status}
        </p>
      </div>
    </figure>
  );
}
