"use client";

import { useRef, type PointerEvent } from "react";

/** Far enough, and more sideways than up or down, to be a swipe rather than a tap or a scroll. */
const MIN_DISTANCE_PX = 50;
const MAX_DURATION_MS = 800;

/**
 * Swipes on a touch screen: left for the next slide, right for the previous. Pointer events, so
 * a mouse drag (which selects or drags the image) is not taken for one.
 */
export function useSwipe(onSwipe: (direction: "next" | "previous") => void, enabled: boolean) {
  const start = useRef<{ id: number; x: number; y: number; at: number } | null>(null);
  return {
    onPointerDown(event: PointerEvent) {
      if (!enabled || event.pointerType !== "touch" || !event.isPrimary) return;
      start.current = {
        id: event.pointerId,
        x: event.clientX,
        y: event.clientY,
        at: event.timeStamp,
      };
    },
    onPointerUp(event: PointerEvent) {
      const from = start.current;
      start.current = null;
      if (!from || from.id !== event.pointerId || !enabled) return;
      const dx = event.clientX - from.x;
      const dy = event.clientY - from.y;
      if (event.timeStamp - from.at > MAX_DURATION_MS) return;
      if (Math.abs(dx) < MIN_DISTANCE_PX || Math.abs(dx) < Math.abs(dy) * 1.5) return;
      onSwipe(dx < 0 ? "next" : "previous");
    },
    onPointerCancel() {
      start.current = null;
    },
  };
}
