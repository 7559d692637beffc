/**
 * The runs slice: the list the UI shows, and thin actions over the run engine (lib/runs/engine),
 * which submits, follows and resumes runs. Here the engine is wired to the browser's fal client
 * and IndexedDB history; the slice itself only holds state.
 */
import type { StateCreator } from "zustand";
import type { EditInput, ModelId } from "@/lib/endpoint";
import { cancelRun as cancelOnFal, submitEdit } from "@/lib/fal/client";
import { toRunError } from "@/lib/fal/errors";
import { followToResult } from "@/lib/fal/follow";
import * as history from "@/lib/history/history-db";
import { isUnfinished, type RunRecord } from "@/lib/history/run-record";
import { createRunEngine, toRecord, type Run } from "@/lib/runs/engine";
import type { PlaygroundState } from "./playground-store";

export type { LogLine, RunPhase } from "@/lib/history/run-record";
export type { Run } from "@/lib/runs/engine";

export interface RunsSlice {
  runs: Run[];
  historyLoaded: boolean;
  /** Reads the history and resumes every run that had not finished. */
  loadHistory(): Promise<void>;
  startRun(input: EditInput, model?: ModelId): Promise<void>;
  cancelRun(id: string): Promise<void>;
  /** Submits the same input again: only ever on the user's click. */
  retryRun(id: string): Promise<void>;
  deleteRun(id: string): Promise<void>;
  clearRuns(): Promise<void>;
  loadRunLogs(id: string): Promise<void>;
}

/** Runs read before the first paint, then per background batch. */
const FIRST_HISTORY_PAGE = 12;
const HISTORY_BATCH = 100;

export const createRunsSlice: StateCreator<PlaygroundState, [], [], RunsSlice> = (set, get) => {
  const engine = createRunEngine({
    fal: { submit: submitEdit, follow: followToResult, cancel: cancelOnFal, toRunError },
    history,
    runs: {
      get: (id) => get().runs.find((r) => r.id === id),
      add: (run) => set((state) => ({ runs: [run, ...state.runs] })),
      patch: (id, change) =>
        set((state) => ({
          runs: state.runs.map((run) =>
            run.id === id
              ? { ...run, ...(typeof change === "function" ? change(run) : change) }
              : run,
          ),
        })),
    },
    onSubmitted: () => void get().refreshLimits(),
    onFieldErrors: (fields) => get().setServerErrors(fields),
  });
  /** Bumped by clearing, so a background read in progress stops adding runs. */
  let historyGeneration = 0;

  return {
    runs: [],
    historyLoaded: false,

    async loadHistory() {
      if (get().historyLoaded) return;
      const generation = ++historyGeneration;
      const live = new Set(get().runs.map((r) => r.id));
      const adopt = (records: RunRecord[]) => {
        const loaded: Run[] = records
          .filter((r) => !live.has(r.id))
          .map((record) => ({ ...record, logs: [], logsLoaded: false }));
        set((state) => ({ runs: [...state.runs, ...loaded], historyLoaded: true }));
        for (const run of loaded.filter(isUnfinished)) void engine.resume(run.id);
      };
      // The newest runs first, for the first paint; then the rest in small batches, each short
      // enough not to block input.
      let page = await history.loadRunsPage(FIRST_HISTORY_PAGE).catch(() => [] as RunRecord[]);
      adopt(page);
      while (page.length > 0) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (generation !== historyGeneration) return; // cleared meanwhile
        page = await history.loadRunsPage(HISTORY_BATCH, page.at(-1)!.submittedAt).catch(() => []);
        adopt(page);
      }
    },

    async startRun(input, model) {
      void history.requestPersistentStorage().catch(() => false);
      await engine.start(input, model);
    },

    cancelRun: (id) => engine.cancel(id),

    async retryRun(id) {
      await engine.retry(id);
    },

    async deleteRun(id) {
      set((state) => ({ runs: state.runs.filter((r) => r.id !== id) }));
      await history.deleteRun(id).catch(() => {});
    },

    async clearRuns() {
      historyGeneration++;
      // Unfinished runs stay: clearing history must not orphan a run that is still being paid for.
      set((state) => ({ runs: state.runs.filter(isUnfinished) }));
      await history.clearHistory().catch(() => {});
      for (const run of get().runs) await history.saveRun(toRecord(run)).catch(() => {});
    },

    loadRunLogs: (id) => engine.loadLogs(id),
  };
};
