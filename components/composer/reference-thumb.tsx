"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { usePlayground } from "@/lib/store/playground-store";
import type { PixelSize, Reference } from "@/lib/store/references";
import { useInsertIntoPrompt } from "./prompt-field";
import { formatBytes } from "@/lib/format/bytes";

const STATUS_TEXT = {
  preparing: "Preparing…",
  uploading: "Uploading…",
  ready: "Ready",
  failed: "Upload failed",
} as const;

const bytesText = (bytes?: number) => (bytes === undefined ? undefined : formatBytes(bytes));
const dims = (s?: PixelSize) => (s ? `${s.width}×${s.height}` : undefined);

/** The size facts: original → prepared pixels and bytes, or just the original when unchanged. */
function sizeFacts(reference: Reference): string[] {
  const { original, prepared } = reference;
  const pixels = [
    dims(original),
    prepared && dims(prepared) !== dims(original) ? dims(prepared) : undefined,
  ].filter(Boolean);
  const bytes = [
    bytesText(original?.bytes),
    prepared && prepared.bytes !== original?.bytes ? bytesText(prepared.bytes) : undefined,
  ].filter(Boolean);
  return [pixels.join(" → "), bytes.join(" → ")].filter(Boolean);
}

export function ReferenceThumb({
  reference,
  position,
}: {
  reference: Reference;
  position: number;
}) {
  const removeReference = usePlayground((s) => s.removeReference);
  const retryReference = usePlayground((s) => s.retryReference);
  const replaceReference = usePlayground((s) => s.replaceReference);
  const insert = useInsertIntoPrompt();
  const replaceInput = useRef<HTMLInputElement>(null);
  const [broken, setBroken] = useState(false);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: reference.id,
  });
  const style = {
    transform: CSS.Transform.toString(transform),
    transition,
  };
  const iconButton =
    "grid size-7 place-items-center rounded-full bg-black/65 text-sm text-white hover:bg-black/85";

  return (
    <li
      ref={setNodeRef}
      style={style}
      aria-label={`Reference ${position}: ${reference.name}`}
      data-status={reference.status}
      data-original-bytes={reference.original?.bytes}
      data-prepared-bytes={reference.prepared?.bytes}
      data-prepared-width={reference.prepared?.width}
      data-prepared-height={reference.prepared?.height}
      className={cn("flex flex-col gap-1", isDragging && "z-10 opacity-80")}
    >
      <div className="relative overflow-hidden rounded-lg border border-zinc-200 bg-zinc-100 dark:border-zinc-800 dark:bg-zinc-800">
        {broken ? (
          <div className="grid aspect-square place-items-center p-2 text-center text-xs text-zinc-500">
            Image no longer available
          </div>
        ) : !reference.previewUrl ? (
          // Shown from the prepared image: until it exists, an empty tile (status says why).
          <div className="aspect-square w-full bg-zinc-200 motion-safe:animate-pulse dark:bg-zinc-700" />
        ) : (
          // eslint-disable-next-line @next/next/no-img-element -- a local object URL or the reference's own URL, shown as is
          <img
            src={reference.previewUrl}
            alt=""
            onError={() => setBroken(true)}
            className="aspect-square w-full object-cover"
          />
        )}
        <button
          type="button"
          className={cn(iconButton, "absolute top-1 left-1 font-semibold")}
          onClick={() => insert(`image ${position}`)}
          aria-label={`Insert “image ${position}” in the prompt`}
          title={`Insert “image ${position}” in the prompt`}
        >
          {position}
        </button>
        <button
          type="button"
          className={cn(iconButton, "absolute top-1 right-1")}
          onClick={() => removeReference(reference.id)}
          aria-label={`Remove reference ${position}`}
        >
          ×
        </button>
        <button
          type="button"
          {...attributes}
          {...listeners}
          aria-label={`Reorder reference ${position}: press space, then arrow keys`}
          className={cn(
            iconButton,
            "absolute right-1 bottom-7 cursor-grab touch-none active:cursor-grabbing",
          )}
        >
          <span aria-hidden>⠿</span>
        </button>
        <div
          role="status"
          title={reference.error}
          className={cn(
            "absolute inset-x-0 bottom-0 px-1.5 py-0.5 text-[11px] text-white",
            reference.status === "failed" ? "bg-red-600/90" : "bg-black/55",
          )}
        >
          {STATUS_TEXT[reference.status]}
          {reference.status === "failed" && (
            <button
              type="button"
              className="ml-1 underline"
              onClick={() => retryReference(reference.id)}
            >
              Retry
            </button>
          )}
        </div>
      </div>
      <div className="flex items-start justify-between gap-1 text-[11px] leading-tight text-zinc-500 dark:text-zinc-400">
        <span className="min-w-0">
          <span className="block truncate" title={reference.name}>
            {reference.name}
          </span>
          {sizeFacts(reference).map((fact) => (
            <span key={fact} className="block tabular-nums">
              {fact}
            </span>
          ))}
        </span>
        {reference.source === "file" && (
          <>
            <button
              type="button"
              className="shrink-0 underline hover:text-zinc-900 dark:hover:text-zinc-100"
              onClick={() => replaceInput.current?.click()}
            >
              Replace
            </button>
            <input
              ref={replaceInput}
              type="file"
              accept="image/*"
              hidden
              aria-label={`Replacement for reference ${position}`}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) void replaceReference(reference.id, file);
              }}
            />
          </>
        )}
      </div>
    </li>
  );
}
