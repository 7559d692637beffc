"use client";

import { Icon } from "./icons";

/**
 * What covers an image fal's safety checker flagged. Drawn on a dark scrim over the blurred
 * picture, so it reads the same in light and dark themes and over any image colours.
 */
export function SafetyVeil({
  number,
  revealed,
  onToggle,
}: {
  /** 1-based, as the controls name it. */
  number: number;
  revealed: boolean;
  onToggle(): void;
}) {
  if (revealed) {
    return (
      <div className="absolute top-2 left-2 flex items-center gap-1 rounded-full bg-zinc-950/75 py-0.5 pr-0.5 pl-2 text-xs font-medium text-white shadow-sm backdrop-blur-sm">
        <Icon name="shield" className="size-3.5 text-amber-300" />
        Flagged
        <button
          type="button"
          aria-label={`Hide image ${number}`}
          onClick={onToggle}
          className="ml-1 inline-flex items-center gap-1 rounded-full px-2 py-1 hover:bg-white/15"
        >
          <Icon name="eyeOff" className="size-3.5" />
          Hide
        </button>
      </div>
    );
  }
  return (
    <div className="absolute inset-0 grid place-items-center bg-zinc-950/45 p-3">
      <div className="flex max-w-64 flex-col items-center gap-2 rounded-xl bg-zinc-950/80 px-4 py-3 text-center text-white shadow-lg">
        <Icon name="shield" className="size-5 text-amber-300" />
        <p className="text-sm leading-snug font-medium">Flagged by the safety checker</p>
        <button
          type="button"
          aria-label={`Reveal image ${number}`}
          onClick={onToggle}
          className="inline-flex items-center gap-1.5 rounded-lg bg-white px-3 py-1.5 text-xs font-semibold text-zinc-900 hover:bg-zinc-200"
        >
          <Icon name="eye" className="size-3.5" />
          Reveal
        </button>
      </div>
    </div>
  );
}
