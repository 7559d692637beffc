import type { Slide } from "@/lib/presenter/types";

/**
 * The caption over the stage's foot: a translucent dark band, so white words read on any image.
 * Level 1 is the prompt; level 2 adds the parameters and the seed.
 */
export function StageCaption({ slide, level }: { slide: Slide; level: 1 | 2 }) {
  const facts = [...slide.parameters.map(([label, value]) => `${label} ${value}`)];
  if (slide.seed !== undefined) facts.push(`Seed ${slide.seed}`);
  return (
    <div className="absolute inset-x-0 bottom-0 bg-black/75 px-[4cqw] py-[2.5cqh] text-center text-white">
      <p className="mx-auto line-clamp-3 max-w-[75ch] text-[clamp(1rem,2.4cqw,2.25rem)] leading-snug text-balance">
        {slide.prompt}
      </p>
      {level === 2 && (
        <p className="mx-auto mt-2 max-w-[90ch] text-[clamp(0.8rem,1.4cqw,1.25rem)] text-zinc-300 tabular-nums">
          {facts.join(" · ")}
        </p>
      )}
    </div>
  );
}
