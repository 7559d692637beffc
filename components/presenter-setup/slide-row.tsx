"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { IconButton } from "@/components/gallery/icon-button";
import { useThumbnail } from "@/components/gallery/use-thumbnail";
import type { ImageFile } from "@/lib/endpoint";
import { cn } from "@/lib/cn";

/** Long enough to tell prompts apart, short enough for a row and a screen reader's item name. */
const PROMPT_CHARS = 80;

const shortened = (text: string) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= PROMPT_CHARS ? flat : `${flat.slice(0, PROMPT_CHARS - 1).trimEnd()}…`;
};

/** One slide of the presentation being set up: drag it, move it a step, or leave it out. */
export function SlideRow({
  slideKey,
  image,
  prompt,
  index,
  flagged,
  position,
  count,
  onMove,
  onRemove,
}: {
  slideKey: string;
  image: ImageFile;
  prompt: string;
  /** The image's index in its run (0-based); said as "image k". */
  index: number;
  flagged: boolean;
  /** 1-based place in the presentation. */
  position: number;
  count: number;
  onMove(to: number): void;
  onRemove(): void;
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: slideKey,
  });
  const text = shortened(prompt);
  // The kept thumbnail: the stage fetches the full-size file when the slide is shown.
  const { ref: thumbRef, view: thumb } = useThumbnail<HTMLSpanElement>(slideKey, image.url);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      aria-label={`Slide ${position}: ${text}, image ${index + 1}`}
      data-slide={slideKey}
      className={cn(
        "flex items-center gap-2 rounded-lg border border-zinc-200 bg-white p-1.5 dark:border-zinc-800 dark:bg-zinc-900",
        isDragging && "relative z-10 shadow-lg",
      )}
    >
      <button
        type="button"
        {...attributes}
        {...listeners}
        aria-label={`Reorder slide ${position}: press space, then arrow keys`}
        className="grid size-8 shrink-0 cursor-grab touch-none place-items-center rounded-lg text-zinc-500 hover:bg-zinc-100 active:cursor-grabbing dark:hover:bg-zinc-800"
      >
        <span aria-hidden>⠿</span>
      </button>
      <span className="w-5 shrink-0 text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
        {position}
      </span>
      <span
        ref={thumbRef}
        className="h-12 w-16 shrink-0 overflow-hidden rounded-md bg-zinc-100 dark:bg-zinc-800"
      >
        {thumb?.src && (
          // eslint-disable-next-line @next/next/no-img-element -- a kept thumbnail (blob:) or fal's URL as is
          <img
            src={thumb.src}
            alt=""
            width={image.width ?? 64}
            height={image.height ?? 48}
            loading="lazy"
            decoding="async"
            // Flagged ones stay blurred here as in the gallery; the stage is where they are seen.
            className={cn("size-full object-cover", flagged && "blur-md")}
          />
        )}
      </span>
      <span className="min-w-0 flex-1 text-sm">
        <span className="block truncate" title={prompt}>
          {text}
        </span>
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">image {index + 1}</span>
      </span>
      <IconButton
        icon="up"
        label={`Move slide ${position} up`}
        data-control="up"
        disabled={position === 1}
        onClick={() => onMove(position - 2)}
      />
      <IconButton
        icon="down"
        label={`Move slide ${position} down`}
        data-control="down"
        disabled={position === count}
        onClick={() => onMove(position)}
      />
      <IconButton
        icon="close"
        label={`Remove slide ${position} from this presentation`}
        data-control="remove"
        onClick={onRemove}
      />
    </li>
  );
}
