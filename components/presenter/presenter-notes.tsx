"use client";

import { formatUsd } from "@/lib/endpoint";
import type { Slide } from "@/lib/presenter/types";
import { PresenterClock } from "./presenter-clock";

/**
 * The presenter's notes, shown in the presenter's window while the audience window shows the
 * stage: the clock, the next slide, and what can be said about this one.
 */
export function PresenterNotes({
  slide,
  next,
  number,
  total,
}: {
  slide: Slide;
  next: Slide | undefined;
  number: number;
  total: number;
}) {
  const facts: [label: string, value: string][] = [
    ["Model", slide.model],
    // The model is named in full above; the gallery's short "Model: Dev" would repeat it.
    ...slide.parameters.filter(([label]) => label !== "Model"),
  ];
  if (slide.seed !== undefined) facts.push(["Seed", String(slide.seed)]);
  if (slide.costUsd !== undefined) facts.push(["Cost", formatUsd(slide.costUsd)]);
  if (slide.timings) facts.push(["Timings", slide.timings]);
  return (
    <aside
      aria-label="Presenter notes"
      className="flex w-[min(28rem,36vw)] shrink-0 flex-col gap-5 overflow-y-auto border-l border-white/10 bg-zinc-950 p-5 pt-16 text-sm text-zinc-300"
    >
      <PresenterClock />
      <section aria-label="Next slide" className="flex flex-col gap-2">
        <h2 className="text-xs font-medium tracking-wide text-zinc-400 uppercase">Next</h2>
        {next ? (
          // eslint-disable-next-line @next/next/no-img-element -- the same full-size file the stage preloaded
          <img
            src={next.src}
            alt={next.prompt}
            decoding="async"
            className="aspect-video w-full rounded-lg bg-black object-contain"
          />
        ) : (
          <p className="grid aspect-video place-items-center rounded-lg bg-black text-zinc-400">
            The last slide
          </p>
        )}
      </section>
      <section aria-label="This slide" className="flex flex-col gap-3">
        <h2 className="text-xs font-medium tracking-wide text-zinc-400 uppercase">
          Slide {number} of {total}
        </h2>
        <p className="text-base leading-relaxed text-zinc-100">{slide.prompt}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 tabular-nums">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-zinc-400">{label}</dt>
              <dd className="text-zinc-200">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </aside>
  );
}
