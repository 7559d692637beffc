/** Settings of the fal-compatible backend, from the environment (one place for their defaults). */
import type { StorageLimits } from "./file-store";

export interface EmulatorConfig {
  /** Minimum time a job waits in the queue, in ms. */
  queueMs: number;
  /** Time per denoising step, in ms (28 steps by default). */
  stepMs: number;
  /** Jobs that run at once; the rest queue with real positions. */
  workers: number;
  /** Jobs one client may run at once, so one visitor never holds every worker. */
  workersPerClient: number;
  /** A run still going after this long ends with fal's timeout error (a `[demo:hang]` too). */
  maxRunMs: number;
  /** Jobs waiting or running at once, in all and per client; more are refused with a 429. */
  maxActiveJobs: number;
  maxActiveJobsPerClient: number;
  /** The largest submit body the backend keeps (a prompt is text; this is generous). */
  maxInputBytes: number;
  /** Finished jobs kept for status and result calls, by count, age and result bytes. */
  maxFinishedJobs: number;
  finishedJobTtlMs: number;
  maxFinishedResultBytes: number;
  /** Images encoded at once (DEMO_RENDER_CONCURRENCY): each 2048² encode holds tens of MB. */
  renderConcurrency: number;
  /**
   * What outputs look like (DEMO_OUTPUT): "flat" (default) is a gradient, ~100 KB as a 2048² PNG
   * and fast to encode, for tests; "realistic" adds detail at every scale, so a 2048² PNG weighs
   * ~5 MB like a model's and costs seconds to encode: for benches and for seeing what a gallery
   * of real results costs a visitor.
   */
  outputStyle: OutputStyle;
  /** Imaginary jobs ahead of a `[demo:slow]` job, and how long each takes to leave. */
  slowQueueAhead: number;
  slowQueueTickMs: number;
  /** Storage bounds: bytes (DEMO_STORAGE_MB), files, unfinished uploads. */
  storage: StorageLimits;
  /** The largest single PUT and the largest multipart part. */
  maxUploadBytes: number;
  maxPartBytes: number;
  /** Whether reference URLs outside the backend's own storage are fetched. */
  fetchExternalReferences: boolean;
  /** Whether queue and storage calls need an `Authorization: Key …` header, as fal's do. */
  requireKey: boolean;
}

export type OutputStyle = "flat" | "realistic";

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

const MB = 1024 * 1024;

/** Settings for a backend instance; `DEMO_*` variables tune pacing and bounds for demos and tests. */
export function emulatorConfig(overrides: Partial<EmulatorConfig> = {}): EmulatorConfig {
  const workers = Math.max(1, Math.floor(numberFromEnv("DEMO_WORKERS", 4)));
  return {
    queueMs: numberFromEnv("DEMO_QUEUE_MS", 800),
    stepMs: numberFromEnv("DEMO_STEP_MS", 110),
    workers,
    // Half the workers: a visitor running (or hanging) as much as allowed leaves the rest free.
    workersPerClient: Math.max(1, Math.floor(workers / 2)),
    maxRunMs: numberFromEnv("DEMO_MAX_RUN_SECONDS", 120) * 1000 || 120_000,
    maxActiveJobs: 200,
    maxActiveJobsPerClient: 60,
    maxInputBytes: 256 * 1024,
    maxFinishedJobs: 300,
    finishedJobTtlMs: 6 * 60 * 60 * 1000,
    maxFinishedResultBytes: 64 * MB,
    renderConcurrency: Math.max(1, Math.floor(numberFromEnv("DEMO_RENDER_CONCURRENCY", 1))),
    outputStyle: process.env.DEMO_OUTPUT === "realistic" ? "realistic" : "flat",
    slowQueueAhead: 3,
    slowQueueTickMs: 1500,
    storage: {
      maxBytes: numberFromEnv("DEMO_STORAGE_MB", 512) * MB,
      maxFiles: 5000,
      maxPending: 200,
      maxPendingPerClient: 30,
      pendingTtlMs: 15 * 60 * 1000,
      maxParts: 10_000,
    },
    maxUploadBytes: 100 * MB,
    maxPartBytes: 20 * MB,
    fetchExternalReferences: false,
    requireKey: false,
    ...overrides,
  };
}
