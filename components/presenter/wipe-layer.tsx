"use client";

import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import { cn } from "@/lib/cn";
import { PresenterIcon } from "./presenter-icons";
import { useDecoded } from "./use-decoded";

const CHIP =
  "pointer-events-none absolute top-3 rounded-full bg-black/70 px-2.5 py-0.5 text-xs font-medium text-white";

/** The divider's handle as a slider, in the presenter's window (the audience's is a picture). */
function sliderProps(percent: number, onKeyDown: (event: KeyboardEvent) => void) {
  const value = Math.round(percent);
  return {
    role: "slider",
    tabIndex: 0,
    "aria-label": "Before and after divider",
    "aria-orientation": "horizontal" as const,
    "aria-valuemin": 0,
    "aria-valuemax": 100,
    "aria-valuenow": value,
    "aria-valuetext": `${value}% after`,
    onKeyDown,
  };
}

/**
 * The before/after wipe over a slide's frame: after on the divider's left, before on its right
 * (position 0 is all before, as the stage's state says, so the sweep reveals the result from the
 * left). Hand-written rather than react-compare-slider: the position is the store's (the
 * audience window follows it every frame, and the sweep animates it), not the library's own.
 */
export function WipeLayer({
  beforeSrc,
  position,
  onChange,
}: {
  beforeSrc: string;
  position: number;
  /** Given in the presenter's window: the divider follows mouse, touch and pen. */
  onChange?(position: number): void;
}) {
  const before = useDecoded(beforeSrc);
  const area = useRef<HTMLDivElement>(null);
  const percent = position * 100;

  const follow = (event: PointerEvent<HTMLDivElement>) => {
    const box = area.current?.getBoundingClientRect();
    if (box && box.width > 0) onChange?.((event.clientX - box.left) / box.width);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // ←/→ are the presenter's wipe keys everywhere; Home/End here mean the slider's ends.
    if (event.key !== "Home" && event.key !== "End") return;
    event.preventDefault();
    onChange?.(event.key === "Home" ? 0 : 1);
  };

  if (before?.state === "failed")
    return <span className={cn(CHIP, "right-3")}>The before image could not be loaded</span>;
  return (
    <>
      {before?.state === "ready" && (
        <div className="absolute inset-0 bg-black" style={{ clipPath: `inset(0 0 0 ${percent}%)` }}>
          {/* eslint-disable-next-line @next/next/no-img-element -- the reference as it is, full size */}
          <img
            src={beforeSrc}
            alt=""
            decoding="sync"
            draggable={false}
            className="size-full object-contain select-none"
          />
        </div>
      )}
      <span className={cn(CHIP, "left-3")}>After</span>
      <span className={cn(CHIP, "right-3")}>Before</span>
      <div
        ref={area}
        className={cn("absolute inset-0", onChange && "cursor-ew-resize touch-none")}
        onPointerDown={(event) => {
          if (!onChange) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          follow(event);
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) follow(event);
        }}
      >
        <div
          className="absolute inset-y-0 w-0.5 -translate-x-1/2 bg-white shadow-[0_0_0_1px_rgb(0_0_0/0.35)]"
          style={{ left: `${percent}%` }}
        />
        <div
          {...(onChange ? sliderProps(percent, onKeyDown) : { "aria-hidden": true })}
          className="absolute top-1/2 grid size-11 -translate-1/2 place-items-center rounded-full bg-white text-zinc-900 shadow-lg ring-1 ring-black/20"
          style={{ left: `${percent}%` }}
        >
          <PresenterIcon name="grip" />
        </div>
      </div>
    </>
  );
}
