/** A run as the app keeps it: what was sent, what fal said, and the times the app measured. */
import type { EditInput, EditOutput } from "@/lib/endpoint";
import type { RunError } from "@/lib/runs/run-error";

/** "planned": a grid cell not submitted yet; the grid sends it when a slot is free. */
export type RunPhase =
  "planned" | "submitting" | "queued" | "running" | "completed" | "failed" | "cancelled";

/** Where a run sits in a variation grid, with the grid's labels (kept on every cell's record). */
export interface GridPlacement {
  id: string;
  row: number;
  col: number;
  rows: string[];
  cols: string[];
}

export interface LogLine {
  message: string;
  level: string;
  timestamp: string;
}

export interface RunRecord {
  id: string;
  /** fal's request id: stored before anything else, so a reload can always pick the run up. */
  requestId?: string;
  input: EditInput;
  /** Which endpoint ran it (catalog.ts); runs saved before there were two name none: Dev. */
  endpointId?: string;
  /** Its place in a variation grid, when it is one of a grid's cells. */
  grid?: GridPlacement;
  phase: RunPhase;
  queuePosition?: number;
  output?: EditOutput;
  /** What went wrong: a code and the server's detail; the words come from describeError. */
  error?: RunError;
  cancelRequested?: boolean;
  /** When the user pressed Run, when fal started it, and when the app had the result. */
  submittedAt: number;
  startedAt?: number;
  completedAt?: number;
  /**
   * Indexes of the output images the user starred (ascending, no repeats); absent when none. An
   * optional field, so older records and files read as "nothing starred" with no upgrade step.
   */
  starred?: number[];
}

/** Log lines kept per run, newest last: enough to see what happened, bounded for storage. */
export const MAX_STORED_LOG_LINES = 200;

/** Merges a newer batch of log lines into what is known, without duplicates, in time order. */
export function mergeLogs(known: LogLine[], incoming: readonly LogLine[]): LogLine[] {
  if (incoming.length === 0) return known;
  const seen = new Set(known.map((l) => `${l.timestamp}\u0000${l.message}`));
  const added = incoming.filter((l) => !seen.has(`${l.timestamp}\u0000${l.message}`));
  if (added.length === 0) return known;
  return [...known, ...added].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}

/** A run still on its way: planned, or sent and not ended. Clearing history keeps these. */
export function isUnfinished(run: RunRecord): boolean {
  return run.phase === "planned" || isInFlight(run);
}

/** A run sent to fal (or being sent) that has not ended. */
export function isInFlight(run: RunRecord): boolean {
  return run.phase === "submitting" || run.phase === "queued" || run.phase === "running";
}
