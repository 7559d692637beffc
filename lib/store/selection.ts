/**
 * The selection slice: result images picked in the gallery (for a ZIP now; for sharing and
 * presenting later). A key is `runId:imageIndex`; order follows the gallery, newest run first.
 */
import type { StateCreator } from "zustand";
import type { PlaygroundState } from "./playground-store";

export const selectionKey = (runId: string, index: number) => `${runId}:${index}`;

export interface SelectionSlice {
  selection: string[];
  /** Picks or unpicks one image; with `range`, every image from the last one picked to this one. */
  toggleSelected(key: string, range?: boolean): void;
  /** Picks every image of a run (or unpicks them, when all were picked). */
  selectRun(runId: string): void;
  clearSelection(): void;
}

export const createSelectionSlice: StateCreator<PlaygroundState, [], [], SelectionSlice> = (
  set,
  get,
) => {
  /** Every image key in gallery order. */
  const allKeys = () =>
    get().runs.flatMap((run) =>
      (run.output?.images ?? []).map((_, index) => selectionKey(run.id, index)),
    );
  let anchor: string | undefined;

  return {
    selection: [],

    toggleSelected(key, range) {
      const selected = new Set(get().selection);
      if (range && anchor && anchor !== key) {
        const keys = allKeys();
        const [from, to] = [keys.indexOf(anchor), keys.indexOf(key)].sort((a, b) => a - b);
        if (from! >= 0) for (const k of keys.slice(from, to! + 1)) selected.add(k);
      } else if (!selected.delete(key)) selected.add(key);
      anchor = key;
      const order = allKeys();
      set({ selection: order.filter((k) => selected.has(k)) });
    },

    selectRun(runId) {
      const run = get().runs.find((r) => r.id === runId);
      const keys = (run?.output?.images ?? []).map((_, i) => selectionKey(runId, i));
      const selected = new Set(get().selection);
      const all = keys.every((k) => selected.has(k));
      for (const k of keys) {
        if (all) selected.delete(k);
        else selected.add(k);
      }
      set({ selection: allKeys().filter((k) => selected.has(k)) });
    },

    clearSelection() {
      anchor = undefined;
      set({ selection: [] });
    },
  };
};
