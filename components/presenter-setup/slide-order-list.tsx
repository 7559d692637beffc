"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { useEffect, useRef, useState } from "react";
import type { ImageFile } from "@/lib/endpoint";
import { SlideRow } from "./slide-row";

export interface SlideItem {
  key: string;
  image: ImageFile;
  prompt: string;
  index: number;
  flagged: boolean;
}

type Control = "up" | "down" | "remove";

const slidesLeft = (n: number) => `${n} slide${n === 1 ? "" : "s"} left`;

/**
 * The slides in presenting order: drag a row (pointer, or space and arrow keys on its handle), or
 * use its Move buttons; Remove leaves one out. After a button moves or removes a row, focus goes to
 * the same control on the row it acted on (or the next), since React re-inserting rows drops it.
 */
export function SlideOrderList({
  slides,
  onChange,
}: {
  slides: SlideItem[];
  onChange(keys: string[]): void;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const keys = slides.map((slide) => slide.key);
  const box = useRef<HTMLDivElement>(null);
  // dnd-kit's announcements must live inside the modal dialog: outside it, the page is inert.
  const [liveRegion, setLiveRegion] = useState<HTMLDivElement | null>(null);
  const [said, setSaid] = useState("");
  const focusAfter = useRef<{ key?: string; control: Control } | null>(null);

  useEffect(() => {
    const want = focusAfter.current;
    if (!want) return;
    focusAfter.current = null;
    const row = want.key
      ? box.current?.querySelector(`[data-slide="${globalThis.CSS.escape(want.key)}"]`)
      : undefined;
    const target =
      row?.querySelector<HTMLElement>(`[data-control="${want.control}"]:not(:disabled)`) ??
      row?.querySelector<HTMLElement>("[data-control]:not(:disabled)") ??
      // Nothing left in the list: back to the choice of what to present.
      box.current?.closest("dialog")?.querySelector<HTMLElement>("input:checked");
    target?.focus();
  });

  const position = (id: UniqueIdentifier) => keys.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up slide ${position(active.id)}. Arrow keys move it, space drops it, escape cancels.`,
    onDragOver: ({ active, over }) =>
      over ? `Slide ${position(active.id)} is over position ${position(over.id)}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over ? `Slide ${position(active.id)} dropped at position ${position(over.id)}.` : undefined,
    onDragCancel: ({ active }) => `Moving slide ${position(active.id)} was cancelled.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange(arrayMove(keys, position(active.id) - 1, position(over.id) - 1));
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= keys.length) return;
    focusAfter.current = { key: keys[from], control: to < from ? "up" : "down" };
    onChange(arrayMove(keys, from, to));
    setSaid(`Slide ${from + 1} moved to position ${to + 1}.`);
  };
  const remove = (at: number) => {
    const rest = keys.filter((_, i) => i !== at);
    focusAfter.current = { key: rest[Math.min(at, rest.length - 1)], control: "remove" };
    onChange(rest);
    setSaid(`Slide ${at + 1} removed; ${slidesLeft(rest.length)}.`);
  };

  return (
    <div ref={box} className="flex flex-col gap-2">
      {slides.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No slides left. Choose what to present above to start again.
        </p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, container: liveRegion ?? undefined }}
        >
          <SortableContext items={keys} strategy={verticalListSortingStrategy}>
            <ol aria-label="Slides, in presenting order" className="flex flex-col gap-1.5">
              {slides.map((slide, i) => (
                <SlideRow
                  key={slide.key}
                  slideKey={slide.key}
                  image={slide.image}
                  prompt={slide.prompt}
                  index={slide.index}
                  flagged={slide.flagged}
                  position={i + 1}
                  count={slides.length}
                  onMove={(to) => move(i, to)}
                  onRemove={() => remove(i)}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      <div ref={setLiveRegion} />
      <p role="status" className="sr-only">
        {said}
      </p>
    </div>
  );
}
