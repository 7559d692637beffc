/**
 * The run engine: each run from submit to result, kept in the history so that no paid result is
 * lost. The request id is stored before anything else; unfinished runs resume by id. It holds no
 * state of its own: the runs live in whatever store `runs` reads and writes, and fal and the
 * history are passed in, so tests drive it with fakes of their own.
 */
import {
  DEFAULT_MODEL,
  endpointOf,
  ENDPOINTS,
  type EditInput,
  type EditOutput,
  type ModelId,
} from "@/lib/endpoint";
import type { RunStatus } from "@/lib/fal/client";
import type { Waiting } from "@/lib/fal/follow";
import {
  isInFlight,
  mergeLogs,
  type GridPlacement,
  type LogLine,
  type RunRecord,
} from "@/lib/history/run-record";
import { APP_ERRORS, losesTheWayToFal, type RunError } from "./run-error";

export interface Run extends RunRecord {
  logs: LogLine[];
  /** False for a run from history until its stored log tail is read (on demand, for speed). */
  logsLoaded: boolean;
  /** Why a live run is not hearing from fal right now. */
  waiting?: Waiting;
  /** When fal (or the proxy) last said anything about this run, while it is followed. */
  heardAt?: number;
}

/** How the engine reaches fal; in the app, lib/fal. */
export interface FalCalls {
  submit(input: EditInput, endpointId: string): Promise<string>;
  follow(
    requestId: string,
    onStatus: (status: RunStatus) => void,
    onWaiting: (why: Waiting | undefined) => void,
  ): Promise<EditOutput>;
  cancel(requestId: string): Promise<void>;
  /** Maps anything fal or the network threw into a RunError. */
  toRunError(error: unknown): RunError;
}

/** Where runs are kept across reloads; in the app, IndexedDB (lib/history). */
export interface RunHistory {
  saveRun(record: RunRecord): Promise<void>;
  saveLogs(runId: string, lines: LogLine[]): Promise<void>;
  loadLogs(runId: string): Promise<LogLine[]>;
}

/** The live list of runs, as the UI's store holds it. */
export interface RunList {
  get(id: string): Run | undefined;
  add(run: Run): void;
  patch(id: string, change: Partial<Run> | ((run: Run) => Partial<Run>)): void;
}

export interface RunEngineDeps {
  fal: FalCalls;
  history: RunHistory;
  runs: RunList;
  /** Called after each submit, admitted or refused: the proxy's counters moved. */
  onSubmitted?: () => void;
  /** fal's field errors, for the composer's fields. */
  onFieldErrors?: (fields: Record<string, string>) => void;
  now?: () => number;
  newId?: () => string;
  /** Log lines are written at most this often (ms); phases and results are written at once. */
  logSaveDelayMs?: number;
}

/** The stored part of a run: nothing transient reaches the history. */
export function toRecord({
  logs: _logs,
  logsLoaded: _loaded,
  waiting: _waiting,
  heardAt: _heard,
  ...record
}: Run): RunRecord {
  return record;
}

export function createRunEngine(deps: RunEngineDeps) {
  const { fal, history, runs } = deps;
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const logSaveDelayMs = deps.logSaveDelayMs ?? 1000;
  const logTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Writes the run now (phase changes, ids, results must never wait). */
  async function save(id: string) {
    const run = runs.get(id);
    if (run) await history.saveRun(toRecord(run)).catch(() => {});
  }

  /** Log lines arrive many times a second; they are written at most once per delay. */
  function saveLogsSoon(id: string) {
    if (logTimers.has(id)) return;
    logTimers.set(
      id,
      setTimeout(() => {
        logTimers.delete(id);
        const run = runs.get(id);
        if (run) void history.saveLogs(id, run.logs).catch(() => {});
      }, logSaveDelayMs),
    );
  }

  function onStatus(id: string, status: RunStatus) {
    const phaseBefore = runs.get(id)?.phase;
    runs.patch(id, (run) => {
      const logs = "logs" in status && status.logs ? mergeLogs(run.logs, status.logs) : run.logs;
      const heardAt = now();
      if (status.status === "IN_QUEUE")
        return { phase: "queued", queuePosition: status.queue_position, logs, heardAt };
      if (status.status === "IN_PROGRESS")
        return { phase: "running", startedAt: run.startedAt ?? now(), logs, heardAt };
      return { logs, heardAt };
    });
    saveLogsSoon(id);
    // A new phase (and the start time it brings) is written at once; log lines can wait.
    if (runs.get(id)?.phase !== phaseBefore) void save(id);
  }

  async function loadLogs(id: string) {
    const run = runs.get(id);
    if (!run || run.logsLoaded) return;
    const stored = await history.loadLogs(id).catch(() => [] as LogLine[]);
    runs.patch(id, (current) => ({ logs: mergeLogs(stored, current.logs), logsLoaded: true }));
  }

  async function follow(id: string) {
    const run = runs.get(id);
    if (!run?.requestId) return;
    if (!run.logsLoaded) await loadLogs(id);
    runs.patch(id, { heardAt: now() });
    try {
      const output = await fal.follow(
        run.requestId,
        (status) => onStatus(id, status),
        (waiting) => runs.patch(id, { waiting, heardAt: now() }),
      );
      // A result that arrives after a cancel was asked for is still kept: it was paid for.
      runs.patch(id, {
        phase: "completed",
        output,
        error: undefined,
        completedAt: now(),
        waiting: undefined,
      });
    } catch (thrown) {
      const error = fal.toRunError(thrown);
      if (losesTheWayToFal(error.code)) {
        // The app lost its way to fal, not the run: it stays unfinished, so the reload after
        // signing in (or after the owner's fix) follows it by id and its paid result is kept.
        runs.patch(id, { error, waiting: undefined });
        await save(id);
        return;
      }
      const cancelled = runs.get(id)?.cancelRequested || error.code === "fal_cancelled";
      runs.patch(id, {
        phase: cancelled ? "cancelled" : "failed",
        error,
        completedAt: now(),
        waiting: undefined,
      });
      // fal's field errors belong on the composer's fields too.
      if (error.fields && !cancelled) deps.onFieldErrors?.(error.fields);
    }
    await save(id);
    const done = runs.get(id);
    if (done) await history.saveLogs(id, done.logs).catch(() => {});
  }

  /** A new run record, saved before anything is sent. */
  async function create(
    input: EditInput,
    model: ModelId,
    phase: "planned" | "submitting",
    grid?: GridPlacement,
  ): Promise<Run> {
    const run: Run = {
      id: newId(),
      input,
      endpointId: ENDPOINTS[model].id,
      ...(grid && { grid }),
      phase,
      logs: [],
      logsLoaded: true,
      submittedAt: now(),
    };
    runs.add(run);
    await save(run.id);
    return run;
  }

  /** Sends a saved run and follows it to its result; resolves when it has ended. */
  async function submit(id: string): Promise<void> {
    const run = runs.get(id);
    if (!run) return;
    if (run.phase === "planned") {
      // Sent now: the time counts from here, not from when the grid was planned.
      runs.patch(id, { phase: "submitting", submittedAt: now() });
      await save(id);
    }
    let requestId: string;
    try {
      requestId = await fal.submit(run.input, endpointOf(run).id);
    } catch (thrown) {
      runs.patch(id, { phase: "failed", error: fal.toRunError(thrown), completedAt: now() });
      await save(id);
      return;
    } finally {
      deps.onSubmitted?.();
    }
    runs.patch(id, { requestId, phase: "queued" });
    await save(id); // the id is safe before we start following
    await follow(id);
  }

  /** Submits a new run to a model and follows it to its result; resolves when it has ended. */
  async function start(input: EditInput, model: ModelId = DEFAULT_MODEL): Promise<string> {
    const run = await create(input, model, "submitting");
    await submit(run.id);
    return run.id;
  }

  return {
    start,

    /**
     * Saves a new run and sends it, resolving with its id once it is saved rather than when it
     * ends, for callers that follow the run in the store (a live edit in presenter mode).
     */
    async launch(input: EditInput, model: ModelId = DEFAULT_MODEL): Promise<string> {
      const run = await create(input, model, "submitting");
      void submit(run.id);
      return run.id;
    },

    /**
     * Saves a run to send later (a grid cell), so a reload never loses it; `runPlanned` sends it.
     */
    async plan(input: EditInput, model: ModelId, grid?: GridPlacement): Promise<string> {
      return (await create(input, model, "planned", grid)).id;
    },

    /** Sends a planned run (and follows it to its end); anything else is left alone. */
    async runPlanned(id: string): Promise<void> {
      if (runs.get(id)?.phase === "planned") await submit(id);
    },

    /**
     * Picks up a run found unfinished in the history: follow it by id, or say it cannot be known.
     * A planned run waits for its grid to send it.
     */
    resume(id: string): Promise<void> {
      const run = runs.get(id);
      if (!run || !isInFlight(run)) return Promise.resolve();
      if (run.requestId) {
        // An error kept on an unfinished run (signed out, say) is over once we can follow it again.
        if (run.error) runs.patch(id, { error: undefined });
        return follow(id);
      }
      // Closed before fal confirmed the submit: we cannot know whether it started.
      runs.patch(id, { phase: "failed", completedAt: now(), error: { ...APP_ERRORS.interrupted } });
      return save(id);
    },

    /**
     * Asks fal to stop a run; the run ends when fal says so (a late result is still kept). A
     * planned run is cancelled at once: it was never sent.
     */
    async cancel(id: string): Promise<void> {
      const run = runs.get(id);
      if (run?.phase === "planned") {
        runs.patch(id, {
          phase: "cancelled",
          completedAt: now(),
          error: { code: "fal_cancelled", detail: "Cancelled before it was sent: nothing to pay." },
        });
        await save(id);
        return;
      }
      if (!run?.requestId) return;
      runs.patch(id, { cancelRequested: true });
      await save(id);
      try {
        await fal.cancel(run.requestId);
      } catch (thrown) {
        runs.patch(id, { error: fal.toRunError(thrown) });
      }
    },

    /** Submits the same input again: only ever on the user's click. */
    async retry(id: string): Promise<string | undefined> {
      const run = runs.get(id);
      return run ? start(run.input, endpointOf(run).model) : undefined;
    },

    loadLogs,
    save,
  };
}

export type RunEngine = ReturnType<typeof createRunEngine>;
