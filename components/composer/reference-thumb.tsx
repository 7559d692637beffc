"use client";

import { Button } from "@/components/ui/button";
import { usePlayground } from "@/lib/store/playground-store";
import type { Reference } from "@/lib/store/references";

const STATUS_TEXT = { uploading: "Uploading…", ready: "Ready", failed: "Upload failed" } as const;

export function ReferenceThumb({
  reference,
  position,
}: {
  reference: Reference;
  position: number;
}) {
  const removeReference = usePlayground((s) => s.removeReference);
  const retryReference = usePlayground((s) => s.retryReference);
  return (
    <li className="group relative overflow-hidden rounded-lg border border-zinc-200 bg-zinc-100 dark:border-zinc-800 dark:bg-zinc-800">
      {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL; nothing to optimize */}
      <img
        src={reference.previewUrl}
        alt={`Reference ${position}: ${reference.name}`}
        className="aspect-square w-full object-cover"
      />
      <span className="absolute top-1 left-1 grid size-6 place-items-center rounded-full bg-black/70 text-xs font-semibold text-white">
        {position}
      </span>
      <Button
        variant="ghost"
        aria-label={`Remove reference ${position}`}
        onClick={() => removeReference(reference.id)}
        className="absolute top-1 right-1 size-6 rounded-full bg-black/60 p-0 text-white hover:bg-black/80 hover:text-white"
      >
        ×
      </Button>
      <div
        className={
          reference.status === "failed"
            ? "absolute inset-x-0 bottom-0 bg-red-600/90 px-1.5 py-1 text-[11px] text-white"
            : "absolute inset-x-0 bottom-0 bg-black/55 px-1.5 py-0.5 text-[11px] text-white"
        }
        role="status"
        title={reference.error}
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
    </li>
  );
}
