/**
 * The runs slice: the list the UI shows, and thin actions over the run engine (lib/runs/engine),
 * which submits, follows and resumes runs. Here the engine is wired to the browser's fal client
 * and IndexedDB history; the slice itself only holds state.
 */
import type { StateCreator } from "zustand";
import { ENDPOINTS, type EditInput, type ModelId } from "@/lib/endpoint";
import { createPacer, GRID_CONCURRENCY, runBounded } from "@/lib/grid/runner";
import type { GridPlan } from "@/lib/grid/plan";
import { cancelRun as cancelOnFal, submitEdit } from "@/lib/fal/page-calls";
import { toRunError } from "@/lib/fal/errors";
import { followToResult } from "@/lib/fal/follow";
import * as history from "@/lib/history/history-db";
import { pauseWhileTyping, readHistoryInBatches } from "@/lib/history/history-reader";
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
  /** Starts a run like `startRun`, but resolves with its id as soon as it is saved. */
  launchRun(input: EditInput, model?: ModelId): Promise<string>;
  cancelRun(id: string): Promise<void>;
  /** Submits the same input again: only ever on the user's click. */
  retryRun(id: string): Promise<void>;
  deleteRun(id: string): Promise<void>;
  clearRuns(): Promise<void>;
  /**
   * Merges an exported history file (runs and shares, by id; nothing here is overwritten) and
   * answers what happened, in words.
   */
  importHistory(text: string): Promise<string>;
  loadRunLogs(id: string): Promise<void>;
  /**
   * Runs the chosen cells of a grid: each saved as a planned run first (so a reload loses none),
   * then sent a few at a time, within the runs-per-minute limit.
   */
  startGrid(plan: GridPlan, cellIndexes: readonly number[]): Promise<void>;
  /** Cancels every cell of a grid: the planned ones at once, the sent ones on fal. */
  cancelGrid(gridId: string): Promise<void>;
  /** Runs a result's input again on Full, with the same seed, prompt and references. */
  finishOnFull(id: string): Promise<void>;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** Runs read before the first paint, then per background batch. */
const FIRST_HISTORY_PAGE = 12;
const HISTORY_BATCH = 100;
/**
 * Runs read join the store at most this often: each join re-renders whatever reads the run list,
 * at a cost that grows with the history, so 40 joins per 10,000 runs would crowd out typing in
 * the prompt where a handful do not (npm run bench -- history-load).
 */
const HISTORY_JOIN_MS = 500;
/** The background read waits for this long without a key pressed: typing comes first. */
const TYPING_PAUSE_MS = 400;

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

  // One pacer for every grid of this page: the proxy counts runs per client, not per grid.
  const pacer = createPacer(() => {
    const runs = get().limits?.runsPerMinute;
    return runs
      ? { limit: runs.limit, used: runs.used, resetsAt: Date.parse(runs.resetsAt) }
      : { limit: null, used: 0, resetsAt: 0 };
  });
  const sendGrid = (ids: readonly string[]) => {
    const limit = get().limits?.runsPerMinute?.limit;
    return runBounded(ids, (id) => engine.runPlanned(id), {
      concurrency: Math.min(GRID_CONCURRENCY, limit ?? GRID_CONCURRENCY),
      pacer,
    });
  };

  /** The one read of the history in progress, if any. */
  let historyLoading: Promise<void> | undefined;

  async function readHistory(): Promise<void> {
    const generation = ++historyGeneration;

    const adopt = (records: RunRecord[]) => {
      // The runs already in the store (this read may overlap another, see historyLoading).
      const live = new Set(get().runs.map((r) => r.id));
      const loaded: Run[] = records
        .filter((r) => !live.has(r.id))
        .map((record) => ({ ...record, logs: [], logsLoaded: false }));
      set((state) => ({ runs: [...state.runs, ...loaded], historyLoaded: true }));
      for (const run of loaded.filter(isUnfinished)) void engine.resume(run.id);
    };
    const typing = pauseWhileTyping(document, TYPING_PAUSE_MS);
    const read = await readHistoryInBatches({
      loadPage: (limit, after) => history.loadRunsPage(limit, after).catch(() => []),
      join: adopt,
      stopped: () => generation !== historyGeneration, // cleared meanwhile
      first: FIRST_HISTORY_PAGE,
      batch: HISTORY_BATCH,
      joinMs: HISTORY_JOIN_MS,
      pause: typing.pause,
    }).finally(typing.stop);
    if (!read) return;
    // Grid cells not sent before the page closed go now, oldest first.
    const planned = get()
      .runs.filter((run) => run.phase === "planned")
      .sort((a, b) => a.submittedAt - b.submittedAt);
    if (planned.length) await sendGrid(planned.map((run) => run.id));
  }

  return {
    runs: [],
    historyLoaded: false,

    loadHistory() {
      if (get().historyLoaded) return Promise.resolve();
      // React's Strict Mode (dev) starts the hydration effect twice: one read, not two.
      historyLoading ??= readHistory().finally(() => (historyLoading = undefined));
      return historyLoading;
    },

    async startRun(input, model) {
      void history.requestPersistentStorage().catch(() => false);
      await engine.start(input, model);
    },

    launchRun(input, model) {
      void history.requestPersistentStorage().catch(() => false);
      return engine.launch(input, model);
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

    async importHistory(text) {
      const result = await history.importHistory(text).catch(() => ({
        error: "The history could not be saved in this browser.",
      }));
      if ("error" in result) return result.error;
      const live = new Set(get().runs.map((run) => run.id));
      const added: Run[] = result.runs
        .filter((record) => !live.has(record.id))
        .map((record) => ({ ...record, logs: [], logsLoaded: false }));
      set((state) => ({
        runs: [...state.runs, ...added].sort((a, b) => b.submittedAt - a.submittedAt),
      }));
      get().adoptShares(result.shares);
      const skipped = result.skipped ? `; ${result.skipped} already here or not importable` : "";
      return `Imported ${plural(result.runs.length, "run")} and ${plural(result.shares.length, "share")}${skipped}.`;
    },

    loadRunLogs: (id) => engine.loadLogs(id),

    async startGrid(plan, cellIndexes) {
      void history.requestPersistentStorage().catch(() => false);
      const id = crypto.randomUUID();
      const ids: string[] = [];
      for (const index of cellIndexes) {
        const cell = plan.cells[index];
        if (!cell) continue;
        ids.push(
          await engine.plan(cell.input, cell.model, {
            id,
            row: cell.row,
            col: cell.col,
            rows: plan.rows,
            cols: plan.cols,
          }),
        );
      }
      await sendGrid(ids);
    },

    async cancelGrid(gridId) {
      const cells = get().runs.filter((run) => run.grid?.id === gridId && isUnfinished(run));
      // Planned cells first, so none is sent while the others are being cancelled.
      const order = [
        ...cells.filter((run) => run.phase === "planned"),
        ...cells.filter((run) => run.phase !== "planned"),
      ];
      for (const cell of order) await engine.cancel(cell.id);
    },

    async finishOnFull(id) {
      const run = get().runs.find((r) => r.id === id);
      if (!run) return;
      const { steps, guidance } = ENDPOINTS.full;
      await engine.start(
        {
          ...run.input,
          seed: run.output?.seed ?? run.input.seed,
          num_inference_steps: steps.default,
          guidance_scale: guidance.default,
        },
        "full",
      );
    },
  };
};
