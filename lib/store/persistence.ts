/**
 * What survives a reload, and in what shape. Per state key:
 *
 * | key           | persisted | why                                                                |
 * | ------------- | --------- | ------------------------------------------------------------------ |
 * | prompt, form  | yes       | the user's work                                                    |
 * | references    | ready only, by URL | files live in fal storage; object URLs and in-flight uploads die with the page |
 * | serverErrors  | no        | belongs to the input that was rejected                             |
 * | runs          | no        | they live in IndexedDB instead (lib/history): bigger, and versioned |
 * | limits        | no        | a snapshot of the server's counters: re-read on load, stale at once |
 */
import { createJSONStorage, type PersistOptions, type StateStorage } from "zustand/middleware";
import { DEFAULT_FORM, type ComposerForm } from "./composer-form";
import type { PlaygroundState } from "./playground-store";
import type { Reference } from "./references";

export const STORAGE_KEY = "hidream-playground/composer";
export const STORAGE_VERSION = 1;

interface PersistedReference {
  id: string;
  name: string;
  source: Reference["source"];
  url: string;
  original?: Reference["original"];
  prepared?: Reference["prepared"];
}

export interface PersistedState {
  prompt: string;
  form: ComposerForm;
  references: PersistedReference[];
}

/**
 * localStorage that skips writing what it already holds: the store changes many times a second
 * while runs stream their logs, and the composer part that is saved rarely changes with them.
 */
function unchangedWritesSkipped(): StateStorage {
  return {
    getItem: (name) => localStorage.getItem(name),
    // Compared with what is stored, not a cache, so another tab's write is never mistaken for ours.
    setItem: (name, value) => {
      if (localStorage.getItem(name) !== value) localStorage.setItem(name, value);
    },
    removeItem: (name) => localStorage.removeItem(name),
  };
}

export const persistOptions: PersistOptions<PlaygroundState, PersistedState> = {
  storage: createJSONStorage(unchangedWritesSkipped),
  name: STORAGE_KEY,
  version: STORAGE_VERSION,
  // Rehydrated after mount (see components/store-hydration.tsx), so server and first client
  // render agree.
  skipHydration: true,
  partialize: (state) => ({
    prompt: state.prompt,
    form: state.form,
    references: state.references
      .filter((r) => r.status === "ready" && r.url)
      .map(({ id, name, source, url, original, prepared }) => ({
        id,
        name,
        source,
        url: url!,
        original,
        prepared,
      })),
  }),
  merge: (persisted, current) => {
    const saved = persisted as Partial<PersistedState> | undefined;
    if (!saved) return current;
    return {
      ...current,
      prompt: saved.prompt ?? current.prompt,
      form: { ...DEFAULT_FORM, ...saved.form },
      references: (saved.references ?? []).map((r) => ({
        ...r,
        previewUrl: r.url,
        status: "ready" as const,
      })),
    };
  },
};
