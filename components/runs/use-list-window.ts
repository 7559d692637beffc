"use client";

import { useCallback, useEffect, useState } from "react";
import {
  clampWindow,
  growDown,
  growUp,
  measuredHeight,
  type ListWindow,
} from "@/lib/gallery/list-window";

/**
 * Cards rendered at first, then per step as the reader scrolls, and at most at once: a card is up
 * to a screen tall, so a few fill the first view, and a long history must not slow the first
 * paint nor grow the page without bound as it is scrolled (npm run bench -- history-load).
 */
const FIRST = 4;
const LIMITS = { step: 12, max: 36 };
/** How far off screen a window edge starts growing: a fast flick lands on rendered cards. */
const MARGIN = "800px";

/** Index of the list entry holding keyboard focus, if any: it must stay rendered. */
function focusedIndex(): number | undefined {
  const item = document.activeElement?.closest<HTMLElement>("[data-list-index]");
  return item ? Number(item.dataset.listIndex) : undefined;
}

/**
 * A window over `keys` (one per list entry, stable across renders) that follows the scroll: the
 * sentinels before and after the rendered entries grow it when they come near the screen, and
 * each rendered entry reports its height, kept for the spacers that stand in for it once dropped.
 * `resetOn` changing (a filter) starts over at the top.
 */
export function useListWindow(keys: readonly string[], resetOn: unknown) {
  const [state, setState] = useState({ window: { start: 0, end: FIRST }, resetOn });
  if (state.resetOn !== resetOn) setState({ window: { start: 0, end: FIRST }, resetOn });
  const window = clampWindow(state.window, keys.length, LIMITS.step);
  const total = keys.length;

  // Mutated in place by the observer: a height matters only at the next change of the window.
  const [heights] = useState(() => new Map<string, number>());
  const [resizes] = useState(() =>
    typeof ResizeObserver === "undefined"
      ? undefined
      : new ResizeObserver((entries) => {
          for (const entry of entries) {
            const key = (entry.target as HTMLElement).dataset.listKey;
            const height = entry.borderBoxSize[0]?.blockSize;
            if (key && height) heights.set(key, height);
          }
        }),
  );
  useEffect(() => () => resizes?.disconnect(), [resizes]);
  /** Ref callback for each rendered entry (React 19: the cleanup stops observing it). */
  const measure = useCallback(
    (element: HTMLElement | null) => {
      if (!element || !resizes) return;
      resizes.observe(element);
      return () => resizes.unobserve(element);
    },
    [resizes],
  );

  const set = (next: (w: ListWindow) => ListWindow) =>
    setState((s) => ({ ...s, window: next(clampWindow(s.window, total, LIMITS.step)) }));
  const showMore = () => set((w) => growDown(w, total, LIMITS, focusedIndex()));
  /**
   * Focus handler for the list: focus landing in an entry at an edge of the window grows it that
   * way at once (a focus update is committed before the next key is handled), so Tab held down
   * runs through the runs, not past the rendered ones to the button after the list. The scroll
   * that follows focus grows it too, but only once the observer reports, a frame or more later.
   */
  const onFocus = () => {
    const index = focusedIndex();
    if (index === undefined) return;
    if (index >= window.end - 1 && window.end < total)
      set((w) => growDown(w, total, LIMITS, index));
    else if (index <= window.start && window.start > 0) set((w) => growUp(w, LIMITS, index));
  };

  const [top, setTop] = useState<HTMLElement | null>(null);
  const [bottom, setBottom] = useState<HTMLElement | null>(null);
  const { start, end } = window;
  useEffect(() => {
    // Observed anew after each change: an edge still near the screen after a step grows again.
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          if (entry.target === bottom) set((w) => growDown(w, total, LIMITS, focusedIndex()));
          else set((w) => growUp(w, LIMITS, focusedIndex()));
        }
      },
      { rootMargin: MARGIN },
    );
    if (top && start > 0) observer.observe(top);
    if (bottom && end < total) observer.observe(bottom);
    return () => observer.disconnect();
    // `set` is rebuilt each render from `total`, which is a dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [top, bottom, start, end, total]);

  return {
    window,
    /** Room held by the dropped entries above and below the rendered ones. */
    before: measuredHeight(keys, 0, start, heights),
    after: measuredHeight(keys, end, total, heights),
    /**
     * Ref callbacks for the spacers before and after the rendered entries. Each is watched whole, not
     * just its edge: a jump into one (Home, End, the scrollbar) grows the window step by step
     * until the spacer is out of view again.
     */
    top: setTop,
    bottom: setBottom,
    measure,
    onFocus,
    showMore,
    /** Entries not rendered yet below the window. */
    remaining: total - end,
    step: LIMITS.step,
  };
}
