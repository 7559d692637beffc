"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import {
  deckFrom,
  defaultSource,
  findSlide,
  veiledCount,
  type DeckSource,
} from "@/lib/presenter/deck";
import { usePlayground } from "@/lib/store/playground-store";
import { DeckSourceChoice } from "./deck-source-choice";
import { SlideOrderList, type SlideItem } from "./slide-order-list";

const SOURCES: DeckSource[] = ["selection", "starred", "shown"];

/**
 * Sets up a presentation: what to present (the selection, the starred results, or everything the
 * gallery shows), then the order, then Start. Choosing another source starts the order afresh.
 */
export function PresentDialog({ onClose }: { onClose(): void }) {
  const runs = usePlayground((s) => s.runs);
  const selection = usePlayground((s) => s.selection);
  const starredOnly = usePlayground((s) => s.starredOnly);
  const kept = usePlayground((s) => s.starredOnlyKept);
  const openPresenter = usePlayground((s) => s.openPresenter);
  const filter = { starredOnly, kept };
  const deckOf = (source: DeckSource) => deckFrom(runs, source, selection, filter);
  const sizes = Object.fromEntries(SOURCES.map((s) => [s, deckOf(s).length])) as Record<
    DeckSource,
    number
  >;
  const [choice, setChoice] = useState(() => {
    const source = defaultSource(sizes);
    return { source, deck: deckOf(source) };
  });

  // A key whose run was deleted meanwhile is dropped here, not kept as a blank slide.
  const slides: SlideItem[] = choice.deck.flatMap((key) => {
    const found = findSlide(runs, key);
    if (!found) return [];
    const { run, image, index } = found;
    const flagged = run.output?.has_nsfw_concepts[index] === true;
    return [{ key, image, prompt: run.input.prompt, index, flagged }];
  });
  const veiled = choice.source === "shown" ? veiledCount(runs, filter) : 0;

  const start = () => {
    openPresenter(slides.map((slide) => slide.key));
    onClose();
  };

  return (
    <Modal title="Present" onClose={onClose} className="w-[min(40rem,calc(100vw-2rem))]">
      <div className="flex flex-col gap-4">
        <DeckSourceChoice
          value={choice.source}
          sizes={sizes}
          onChange={(source) => setChoice({ source, deck: deckOf(source) })}
        />
        {veiled > 0 && (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {veiled === 1 ? "One image" : `${veiled} images`} flagged by the safety checker{" "}
            {veiled === 1 ? "is" : "are"} left out. Select or star {veiled === 1 ? "it" : "them"} to
            present {veiled === 1 ? "it" : "them"}.
          </p>
        )}
        <SlideOrderList
          slides={slides}
          onChange={(deck) => setChoice((current) => ({ ...current, deck }))}
        />
        <div className="flex items-center justify-end gap-3">
          <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
            {slides.length} slide{slides.length === 1 ? "" : "s"}
          </span>
          <Button variant="primary" disabled={slides.length === 0} onClick={start}>
            Start presenting
          </Button>
        </div>
      </div>
    </Modal>
  );
}
