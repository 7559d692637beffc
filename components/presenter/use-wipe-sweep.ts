"use client";

import { useEffect, useEffectEvent } from "react";
import { sweepAt } from "@/lib/presenter/wipe-sweep";

/** While `active`, moves the wipe 0 → 1 → 0 on a loop, one position per animation frame. */
export function useWipeSweep(active: boolean, setWipe: (position: number) => void): void {
  const move = useEffectEvent((position: number) => setWipe(position));
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    const start = performance.now();
    const tick = (now: number) => {
      move(sweepAt(now - start));
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [active]);
}
