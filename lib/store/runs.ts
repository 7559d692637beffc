/** The runs slice: each run from submit to result, following fal's queue by request id. */
import type { StateCreator } from "zustand";
import type { EditInput, EditOutput } from "@/lib/endpoint";
import { cancelRun, fetchResult, followRun, submitEdit, type RunStatus } from "@/lib/fal/client";
import { toUserFacingError, type UserFacingError } from "@/lib/fal/errors";
import type { PlaygroundState } from "./playground-store";

export type RunPhase = "submitting" | "queued" | "running" | "completed" | "failed" | "cancelled";

export interface LogLine {
  message: string;
  level: string;
  timestamp: string;
}

export interface Run {
  id: string;
  requestId?: string;
  input: EditInput;
  phase: RunPhase;
  queuePosition?: number;
  logs: LogLine[];
  output?: EditOutput;
  error?: UserFacingError;
  cancelRequested?: boolean;
  submittedAt: number;
  startedAt?: number;
  completedAt?: number;
}

export interface RunsSlice {
  runs: Run[];
  startRun(input: EditInput): Promise<void>;
  cancelRun(id: string): Promise<void>;
}

export const createRunsSlice: StateCreator<PlaygroundState, [], [], RunsSlice> = (set, get) => {
  const patch = (id: string, change: Partial<Run> | ((run: Run) => Partial<Run>)) =>
    set((state) => ({
      runs: state.runs.map((run) =>
        run.id === id ? { ...run, ...(typeof change === "function" ? change(run) : change) } : run,
      ),
    }));

  function onStatus(id: string, status: RunStatus) {
    patch(id, (run) => {
      const logs =
        "logs" in status && status.logs
          ? status.logs.map(({ message, level, timestamp }) => ({ message, level, timestamp }))
          : run.logs;
      if (status.status === "IN_QUEUE")
        return { phase: "queued", queuePosition: status.queue_position, logs };
      if (status.status === "IN_PROGRESS")
        return { phase: "running", startedAt: run.startedAt ?? Date.now(), logs };
      return { logs };
    });
  }

  return {
    runs: [],
    async startRun(input) {
      const id = crypto.randomUUID();
      set((state) => ({
        runs: [
          { id, input, phase: "submitting", logs: [], submittedAt: Date.now() },
          ...state.runs,
        ],
      }));
      try {
        const requestId = await submitEdit(input);
        patch(id, { requestId, phase: "queued" });
        await followRun(requestId, (status) => onStatus(id, status));
        const output = await fetchResult(requestId);
        patch(id, { phase: "completed", output, completedAt: Date.now() });
      } catch (error) {
        const cancelled = get().runs.find((r) => r.id === id)?.cancelRequested;
        const userError = toUserFacingError(error);
        patch(id, {
          phase: cancelled ? "cancelled" : "failed",
          error: userError,
          completedAt: Date.now(),
        });
        // fal's field errors belong on the composer's fields too.
        if (userError.fields) get().setServerErrors(userError.fields);
      }
    },
    async cancelRun(id) {
      const run = get().runs.find((r) => r.id === id);
      if (!run?.requestId) return;
      patch(id, { cancelRequested: true });
      try {
        await cancelRun(run.requestId);
      } catch (error) {
        patch(id, { error: toUserFacingError(error) });
      }
    },
  };
};
