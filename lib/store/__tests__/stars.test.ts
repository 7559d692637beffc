/**
 * The stars slice over an in-memory IndexedDB (fake-indexeddb): a star is saved with its run and
 * read back after a reload, and the "Starred only" view keeps what was unstarred in it until it is
 * switched.
 */
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it, vi } from "vitest";
import { create, type StateCreator } from "zustand";
import type { Run } from "@/lib/runs/engine";
import type { StarsSlice } from "@/lib/store/stars";

const image = (name: string) => ({ url: `https://v3.fal.media/${name}.png` });

const RUN: Run = {
  id: "run-1",
  input: { prompt: "a red door" },
  phase: "completed",
  output: {
    images: [image("a"), image("b"), image("c")],
    seed: 7,
    has_nsfw_concepts: [false, false, false],
    prompt: "a red door",
    timings: {},
  },
  submittedAt: 1_000,
  completedAt: 2_000,
  logs: [],
  logsLoaded: true,
};

type TestState = StarsSlice & { runs: Run[] };

/** The slice with a list of runs, over a fresh IndexedDB, with fresh module state. */
async function setup(runs: Run[] = [RUN]) {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  const { createStarsSlice } = await import("@/lib/store/stars");
  const history = await import("@/lib/history/history-db");
  const slice = createStarsSlice as unknown as StateCreator<TestState, [], [], StarsSlice>;
  const store = create<TestState>()((...a) => ({ runs, ...slice(...a) }));
  return { store, history };
}

const starsOf = (store: { getState(): TestState }, id = RUN.id) =>
  store.getState().runs.find((r) => r.id === id)?.starred;

describe("toggleStar", () => {
  it("stars and unstars images, keeping the indexes ascending and dropping an empty list", async () => {
    const { store } = await setup();
    const { toggleStar } = store.getState();
    toggleStar(RUN.id, 2);
    toggleStar(RUN.id, 0);
    expect(starsOf(store)).toEqual([0, 2]);
    toggleStar(RUN.id, 2);
    expect(starsOf(store)).toEqual([0]);
    toggleStar(RUN.id, 0);
    expect(store.getState().runs[0]).not.toHaveProperty("starred");
  });

  it("saves the star with the run, so a reload reads it back", async () => {
    const { store, history } = await setup();
    store.getState().toggleStar(RUN.id, 1);
    await vi.waitFor(async () => {
      const [saved] = await history.loadRuns();
      expect(saved?.starred).toEqual([1]);
    });
    const [saved] = await history.loadRuns();
    expect(saved).not.toHaveProperty("logs");
  });

  it("ignores an image the run does not have", async () => {
    const { store } = await setup();
    store.getState().toggleStar(RUN.id, 3);
    store.getState().toggleStar("no-such-run", 0);
    expect(starsOf(store)).toBeUndefined();
  });
});

describe("the Starred only view", () => {
  it("keeps an image unstarred in the view listed until the view is switched", async () => {
    const { store } = await setup([{ ...RUN, starred: [0, 1] }]);
    const { toggleStar, setStarredOnly } = store.getState();
    toggleStar(RUN.id, 1); // outside the view: nothing to keep
    expect(store.getState().starredOnlyKept).toEqual([]);
    toggleStar(RUN.id, 1);
    setStarredOnly(true);
    toggleStar(RUN.id, 0);
    expect(store.getState().starredOnlyKept).toEqual(["run-1:0"]);
    toggleStar(RUN.id, 2); // starring keeps nothing
    expect(store.getState().starredOnlyKept).toEqual(["run-1:0"]);
    setStarredOnly(false);
    expect(store.getState()).toMatchObject({ starredOnly: false, starredOnlyKept: [] });
  });
});
