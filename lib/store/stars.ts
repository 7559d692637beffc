/**
 * The stars slice: starring results (saved on the run's record in IndexedDB, so a star lives and
 * dies with its run and goes in the history export) and the gallery's "Starred only" view.
 */
import type { StateCreator } from "zustand";
import * as history from "@/lib/history/history-db";
import { isStarred, toggledStars } from "@/lib/history/stars";
import { toRecord, type Run } from "@/lib/runs/engine";
import type { PlaygroundState } from "./playground-store";
import { selectionKey } from "./selection";

export interface StarsSlice {
  /** The gallery lists only starred results (and those unstarred since it was switched on). */
  starredOnly: boolean;
  /** Keys unstarred while "Starred only" was on: still listed, until the view is switched. */
  starredOnlyKept: string[];
  /** Stars or unstars image `index` of a run, and saves the run. */
  toggleStar(runId: string, index: number): void;
  setStarredOnly(on: boolean): void;
}

/** The run with its stars replaced; no empty list is stored. */
function withStars({ starred: _old, ...run }: Run, starred: number[] | undefined): Run {
  return starred ? { ...run, starred } : run;
}

export const createStarsSlice: StateCreator<PlaygroundState, [], [], StarsSlice> = (set, get) => ({
  starredOnly: false,
  starredOnlyKept: [],

  toggleStar(runId, index) {
    const run = get().runs.find((r) => r.id === runId);
    if (!run?.output?.images[index]) return;
    const unstarring = isStarred(run, index);
    const changed = withStars(run, toggledStars(run.starred, index));
    set((state) => ({
      runs: state.runs.map((r) => (r.id === runId ? changed : r)),
      starredOnlyKept:
        state.starredOnly && unstarring
          ? [...state.starredOnlyKept, selectionKey(runId, index)]
          : state.starredOnlyKept,
    }));
    // Written at once, like a phase change: a star is the user's decision, not a detail.
    void history.saveRun(toRecord(changed)).catch(() => {});
  },

  setStarredOnly(on) {
    set({ starredOnly: on, starredOnlyKept: [] });
  },
});
