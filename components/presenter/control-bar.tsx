"use client";

import { cn } from "@/lib/cn";
import { ControlButton } from "./control-button";

export interface ControlState {
  number: number;
  total: number;
  hasBefore: boolean;
  wiping: boolean;
  sweeping: boolean;
  /** Off under prefers-reduced-motion: the sweep is motion for its own sake. */
  canSweep: boolean;
  caption: 0 | 1 | 2;
  audienceOpen: boolean;
  editing: boolean;
  fullscreen: boolean;
}

export interface ControlActions {
  previous(): void;
  next(): void;
  toggleWipe(): void;
  toggleSweep(): void;
  cycleCaption(): void;
  showAudience(): void;
  toggleEdit(): void;
  toggleFullscreen(): void;
  exit(): void;
}

const CAPTION_STATE = ["off", "prompt", "prompt and parameters"];

/**
 * The presenter's small control bar, for mouse and touch (the keyboard has every action too). It
 * fades when the pointer rests and comes back when it moves; while focus is inside it stays.
 */
export function ControlBar({
  state,
  on,
  visible,
}: {
  state: ControlState;
  on: ControlActions;
  visible: boolean;
}) {
  const s = state;
  const noBefore = s.hasBefore ? undefined : "This slide has no before image";
  return (
    <div
      role="group"
      aria-label="Presenter controls"
      className={cn(
        "absolute inset-x-3 top-3 z-10 mx-auto flex w-fit flex-wrap items-center justify-center gap-0.5 rounded-xl bg-zinc-900/90 p-1 text-sm text-zinc-200 shadow-xl ring-1 ring-white/10 backdrop-blur transition-opacity duration-300 motion-reduce:transition-none",
        !visible &&
          "pointer-events-none opacity-0 focus-within:pointer-events-auto focus-within:opacity-100",
      )}
    >
      <ControlButton
        icon="previous"
        label="Previous slide"
        aria-keyshortcuts="ArrowLeft PageUp Shift+Space"
        disabled={s.number <= 1}
        onClick={on.previous}
      />
      <span className="min-w-14 px-1 text-center tabular-nums">
        {s.number} / {s.total}
      </span>
      <ControlButton
        icon="next"
        label="Next slide"
        aria-keyshortcuts="ArrowRight PageDown Space"
        disabled={s.number >= s.total}
        onClick={on.next}
      />
      <span aria-hidden className="mx-1 h-6 w-px bg-white/15" />
      <ControlButton
        icon="wipe"
        label="Before and after"
        title={noBefore ?? "Before and after (B)"}
        aria-keyshortcuts="B"
        aria-pressed={s.wiping}
        disabled={!s.hasBefore}
        onClick={on.toggleWipe}
      />
      <ControlButton
        icon="sweep"
        label="Animate the wipe"
        title={
          noBefore ?? (s.canSweep ? "Animate the wipe" : "Off: the system asks for reduced motion")
        }
        aria-pressed={s.sweeping}
        disabled={!s.hasBefore || !s.canSweep}
        onClick={on.toggleSweep}
      />
      <ControlButton
        icon="caption"
        label="Caption"
        title={`Caption: ${CAPTION_STATE[s.caption]} (I)`}
        aria-keyshortcuts="I"
        aria-pressed={s.caption > 0}
        onClick={on.cycleCaption}
      />
      <span aria-hidden className="mx-1 h-6 w-px bg-white/15" />
      <ControlButton
        icon="audience"
        label={s.audienceOpen ? "Show audience window" : "Open audience window"}
        onClick={on.showAudience}
      />
      <ControlButton
        icon="change"
        label="Try a change"
        title="Try a change (T)"
        aria-keyshortcuts="T"
        aria-pressed={s.editing}
        onClick={on.toggleEdit}
      />
      <ControlButton
        icon="fullscreen"
        label="Full screen"
        title="Full screen (F)"
        aria-keyshortcuts="F"
        aria-pressed={s.fullscreen}
        onClick={on.toggleFullscreen}
      />
      <ControlButton
        icon="exit"
        label="Exit presenter"
        title="Exit presenter (Esc)"
        aria-keyshortcuts="Escape"
        onClick={on.exit}
      />
    </div>
  );
}
