/**
 * The presenter slice: which results are being presented, in what order, and the stage's state.
 * All transient (never persisted): a presentation is an occasion, not a document.
 */
import type { StateCreator } from "zustand";
import type { PlaygroundState } from "./playground-store";

export interface Presentation {
  /** Slide keys (`runId:imageIndex`) in presenting order. */
  deck: string[];
  index: number;
  wipe: number | null;
  caption: 0 | 1 | 2;
}

export interface PresenterSlice {
  presentation: Presentation | null;
  /** Starts presenting `deck` (non-empty) from slide `start`. */
  openPresenter(deck: string[], start?: number): void;
  closePresenter(): void;
  goToSlide(index: number): void;
  /** null turns the wipe off; otherwise clamped to 0…1. */
  setWipe(position: number | null): void;
  setCaption(level: 0 | 1 | 2): void;
  /** A live edit's result: becomes the next slide, and the stage moves to it. */
  insertSlideAfterCurrent(key: string): void;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export const createPresenterSlice: StateCreator<PlaygroundState, [], [], PresenterSlice> = (
  set,
  get,
) => {
  const update = (change: (p: Presentation) => Partial<Presentation>) => {
    const current = get().presentation;
    if (current) set({ presentation: { ...current, ...change(current) } });
  };
  return {
    presentation: null,
    openPresenter(deck, start = 0) {
      if (deck.length === 0) return;
      set({
        presentation: { deck, index: clamp(start, 0, deck.length - 1), wipe: null, caption: 0 },
      });
    },
    closePresenter() {
      set({ presentation: null });
    },
    goToSlide(index) {
      // A new slide starts plain: the wipe belongs to the slide it was moved on.
      update((p) => ({ index: clamp(index, 0, p.deck.length - 1), wipe: null }));
    },
    setWipe(position) {
      update(() => ({ wipe: position === null ? null : clamp(position, 0, 1) }));
    },
    setCaption(level) {
      update(() => ({ caption: level }));
    },
    insertSlideAfterCurrent(key) {
      update((p) => {
        const deck = p.deck.filter((k) => k !== key);
        const at = Math.min(p.index + 1, deck.length);
        deck.splice(at, 0, key);
        return { deck, index: at, wipe: 0.5 };
      });
    },
  };
};
