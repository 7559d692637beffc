/**
 * The runs slice: each run from submit to result, kept in IndexedDB so that no paid result is
 * lost. The request id is stored before anything else; on load, unfinished runs resume by id.
 */
import type { StateCreator } from "zustand";
import type { EditInput } from "@/lib/endpoint";
import { cancelRun as cancelOnFal, submitEdit, type RunStatus } from "@/lib/fal/client";
import { proxyRefusalTypeOf, toUserFacingError } from "@/lib/fal/errors";
import { followToResult, type Waiting } from "@/lib/fal/follow";
import * as history from "@/lib/history/history-db";
import { isUnfinished, mergeLogs, type LogLine, type RunRecord } from "@/lib/history/run-record";
import type { PlaygroundState } from "./playground-store";

export type { LogLine, RunPhase } from "@/lib/history/run-record";

export interface Run extends RunRecord {
  logs: LogLine[];
  /** False for a run from history until its stored log tail is read (on demand, for speed). */
  logsLoaded: boolean;
  /** Why a live run is not hearing from fal right now. */
  waiting?: Waiting;
}

export interface RunsSlice {
  runs: Run[];
  historyLoaded: boolean;
  /** Reads the history and resumes every run that had not finished. */
  loadHistory(): Promise<void>;
  startRun(input: EditInput): Promise<void>;
  cancelRun(id: string): Promise<void>;
  /** Submits the same input again: only ever on the user's click. */
  retryRun(id: string): Promise<void>;
  deleteRun(id: string): Promise<void>;
  clearRuns(): Promise<void>;
  loadRunLogs(id: string): Promise<void>;
}

const LOG_SAVE_DELAY_MS = 1000;
/** Runs read before the first paint, then per background batch. */
const FIRST_HISTORY_PAGE = 12;
const HISTORY_BATCH = 100;
/** Bumped by clearing, so a background read in progress stops adding runs. */
let historyGeneration = 0;
const toRecord = ({
  logs: _logs,
  logsLoaded: _loaded,
  waiting: _waiting,
  ...record
}: Run): RunRecord => record;

export const createRunsSlice: StateCreator<PlaygroundState, [], [], RunsSlice> = (set, get) => {
  const find = (id: string) => get().runs.find((r) => r.id === id);
  const logTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Writes the run now (phase changes, ids, results must never wait). */
  async function save(id: string) {
    const run = find(id);
    if (run) await history.saveRun(toRecord(run)).catch(() => {});
  }

  /** Log lines arrive many times a second; they are written at most once a second. */
  function saveLogsSoon(id: string) {
    if (logTimers.has(id)) return;
    logTimers.set(
      id,
      setTimeout(() => {
        logTimers.delete(id);
        const run = find(id);
        if (run) void history.saveLogs(id, run.logs).catch(() => {});
      }, LOG_SAVE_DELAY_MS),
    );
  }

  function patch(id: string, change: Partial<Run> | ((run: Run) => Partial<Run>)) {
    set((state) => ({
      runs: state.runs.map((run) =>
        run.id === id ? { ...run, ...(typeof change === "function" ? change(run) : change) } : run,
      ),
    }));
  }

  function onStatus(id: string, status: RunStatus) {
    const phaseBefore = find(id)?.phase;
    patch(id, (run) => {
      const logs = "logs" in status && status.logs ? mergeLogs(run.logs, status.logs) : run.logs;
      if (status.status === "IN_QUEUE")
        return { phase: "queued", queuePosition: status.queue_position, logs };
      if (status.status === "IN_PROGRESS")
        return { phase: "running", startedAt: run.startedAt ?? Date.now(), logs };
      return { logs };
    });
    saveLogsSoon(id);
    // A new phase (and the start time it brings) is written at once; log lines can wait.
    if (find(id)?.phase !== phaseBefore) void save(id);
  }

  async function follow(id: string) {
    const run = find(id);
    if (!run?.requestId) return;
    if (!run.logsLoaded) await get().loadRunLogs(id);
    try {
      const output = await followToResult(
        run.requestId,
        (status) => onStatus(id, status),
        (waiting) => patch(id, { waiting }),
      );
      // A result that arrives after a cancel was asked for is still kept: it was paid for.
      patch(id, {
        phase: "completed",
        output,
        error: undefined,
        completedAt: Date.now(),
        waiting: undefined,
      });
    } catch (error) {
      const userError = toUserFacingError(error);
      const refusal = proxyRefusalTypeOf(error);
      if (refusal === "proxy_unauthenticated" || refusal === "proxy_not_configured") {
        // The app lost its way to fal, not the run: it stays unfinished, so the reload after
        // signing in (or after the owner's fix) follows it by id and its paid result is kept.
        patch(id, { error: userError, waiting: undefined });
        await save(id);
        return;
      }
      const cancelled = find(id)?.cancelRequested || userError.title === "Cancelled";
      patch(id, {
        phase: cancelled ? "cancelled" : "failed",
        error: userError,
        completedAt: Date.now(),
        waiting: undefined,
      });
      // fal's field errors belong on the composer's fields too.
      if (userError.fields && !cancelled) get().setServerErrors(userError.fields);
    }
    await save(id);
    const done = find(id);
    if (done) await history.saveLogs(id, done.logs).catch(() => {});
  }

  /** Picks up a run found unfinished in the history: follow it by id, or say it cannot be known. */
  function resume(run: Run) {
    if (run.requestId) {
      // An error kept on an unfinished run (signed out, say) is over once we can follow it again.
      if (run.error) patch(run.id, { error: undefined });
      void follow(run.id);
      return;
    }
    // Closed before fal confirmed the submit: we cannot know whether it started.
    patch(run.id, {
      phase: "failed",
      completedAt: Date.now(),
      error: {
        title: "Interrupted while submitting",
        message:
          "The page closed before fal confirmed this run, so it may not have started. Retry to run it again.",
        retryable: true,
      },
    });
    void save(run.id);
  }

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
        for (const run of loaded.filter(isUnfinished)) resume(run);
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

    async startRun(input) {
      const run: Run = {
        id: crypto.randomUUID(),
        input,
        phase: "submitting",
        logs: [],
        logsLoaded: true,
        submittedAt: Date.now(),
      };
      set((state) => ({ runs: [run, ...state.runs] }));
      void history.requestPersistentStorage().catch(() => false);
      await save(run.id);
      let requestId: string;
      try {
        requestId = await submitEdit(input);
      } catch (error) {
        patch(run.id, {
          phase: "failed",
          error: toUserFacingError(error),
          completedAt: Date.now(),
        });
        await save(run.id);
        return;
      } finally {
        // Admitted or refused, the proxy's counters moved (or said why not): show what is left.
        void get().refreshLimits();
      }
      patch(run.id, { requestId, phase: "queued" });
      await save(run.id); // the id is safe before we start following
      await follow(run.id);
    },

    async cancelRun(id) {
      const run = find(id);
      if (!run?.requestId) return;
      patch(id, { cancelRequested: true });
      await save(id);
      try {
        await cancelOnFal(run.requestId);
      } catch (error) {
        patch(id, { error: toUserFacingError(error) });
      }
    },

    async retryRun(id) {
      const run = find(id);
      if (run) await get().startRun(run.input);
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
      for (const run of get().runs) await save(run.id);
    },

    async loadRunLogs(id) {
      const run = find(id);
      if (!run || run.logsLoaded) return;
      const stored = await history.loadLogs(id).catch(() => [] as LogLine[]);
      patch(id, (current) => ({ logs: mergeLogs(stored, current.logs), logsLoaded: true }));
    },
  };
};
