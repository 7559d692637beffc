/**
 * What survives a reload, and in what shape: one entry per state key of the store, each saying
 * whether it is saved to localStorage and why. The table is typed over every data key of the
 * store, so a new key fails the typecheck here until someone decides (as excalidraw's
 * APP_STATE_STORAGE_CONF does). Transient things (File objects, object URLs, in-flight phases,
 * limits) are never written by accident.
 */
import { createJSONStorage, type PersistOptions, type StateStorage } from "zustand/middleware";
import { DEFAULT_FORM, saneForm, type ComposerForm } from "./composer-form";
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

/** The store's data (not its actions). */
type DataKey = {
  [K in keyof PlaygroundState]-?: PlaygroundState[K] extends (...args: never[]) => unknown
    ? never
    : K;
}[keyof PlaygroundState];

type StorageRule<K extends DataKey> = K extends keyof PersistedState
  ? { saved: true; why: string; save: (state: PlaygroundState) => PersistedState[K] }
  : { saved: false; why: string };

/** Every data key, saved or not, with the reason. */
export const STATE_STORAGE: { [K in DataKey]: StorageRule<K> } = {
  prompt: { saved: true, why: "the user's work", save: (s) => s.prompt },
  form: { saved: true, why: "the user's work", save: (s) => s.form },
  references: {
    saved: true,
    why: "ready ones, by URL: files live in fal storage; object URLs and uploads die with the page",
    save: (s) =>
      s.references
        .filter((r) => r.status === "ready" && r.url)
        .map(({ id, name, source, url, original, prepared }) => ({
          id,
          name,
          source,
          url: url!,
          original,
          prepared,
        })),
  },
  serverErrors: { saved: false, why: "belongs to the input that was rejected" },
  modelNote: { saved: false, why: "says what the last switch of model changed, in this visit" },
  notices: { saved: false, why: "about files dropped in this visit" },
  recipeOffers: { saved: false, why: "hold the dropped File objects, which die with the page" },
  runs: {
    saved: false,
    why: "they live in IndexedDB instead (lib/history): bigger, and versioned",
  },
  historyLoaded: { saved: false, why: "a fact about this page load" },
  selection: { saved: false, why: "a choice for the task at hand (a ZIP), made again in a visit" },
  starredOnly: {
    saved: false,
    why: "a view for this visit: after a reload, a gallery showing fewer runs than it has would look like lost history",
  },
  starredOnlyKept: { saved: false, why: "belongs to the Starred-only view it was kept for" },
  presentation: {
    saved: false,
    why: "a presentation is an occasion: a reload ends it (the slides are runs, which are kept)",
  },
  shares: {
    saved: false,
    why: "they live in IndexedDB instead (lib/history), with the owner secrets, and go in its export",
  },
  sharesCheckedAt: { saved: false, why: "times the next status call of the shares in this page" },
  sharesError: { saved: false, why: "about the last status call, in this visit" },
  limits: {
    saved: false,
    why: "a snapshot of the server's counters: re-read on load, stale at once",
  },
  limitsCheckedAt: { saved: false, why: "times the next read of the limits in this page" },
};

/** The saved part of the state, as the table says. */
export function savedState(state: PlaygroundState): PersistedState {
  const saved: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(STATE_STORAGE)) {
    if (rule.saved) saved[key] = (rule as { save: (s: PlaygroundState) => unknown }).save(state);
  }
  return saved as unknown as PersistedState;
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
  partialize: savedState,
  merge: (persisted, current) => {
    const saved = persisted as Partial<PersistedState> | undefined;
    if (!saved) return current;
    return {
      ...current,
      prompt: typeof saved.prompt === "string" ? saved.prompt : current.prompt,
      // A form saved before the model switch has no model: it ran on Dev. Each field is checked:
      // what this browser kept may come from an older version, or have been edited by hand.
      form: saneForm({ ...DEFAULT_FORM, ...saved.form }),
      references: (Array.isArray(saved.references) ? saved.references : [])
        .filter(
          (r) =>
            typeof r === "object" &&
            r !== null &&
            typeof r.id === "string" &&
            typeof r.name === "string" &&
            typeof r.url === "string",
        )
        .map((r) => ({ ...r, previewUrl: r.url, status: "ready" as const })),
    };
  },
};
