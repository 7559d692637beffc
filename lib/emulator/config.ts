/** Settings of the fal-compatible backend, from the environment (one place for their defaults). */

export interface EmulatorConfig {
  /** Minimum time a job waits in the queue, in ms. */
  queueMs: number;
  /** Time per denoising step, in ms (28 steps by default). */
  stepMs: number;
  /** Jobs that run at once; the rest queue with real positions. */
  workers: number;
  /** Imaginary jobs ahead of a `[demo:slow]` job. */
  slowQueueAhead: number;
  /** Stored bytes kept in memory before the oldest files are dropped. */
  maxStoredBytes: number;
  /** Whether reference URLs outside the backend's own storage are fetched. */
  fetchExternalReferences: boolean;
  /** Whether queue and storage calls need an `Authorization: Key …` header, as fal's do. */
  requireKey: boolean;
}

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Settings for a backend instance; `DEMO_*` variables tune pacing for demos and tests. */
export function emulatorConfig(overrides: Partial<EmulatorConfig> = {}): EmulatorConfig {
  return {
    queueMs: numberFromEnv("DEMO_QUEUE_MS", 800),
    stepMs: numberFromEnv("DEMO_STEP_MS", 110),
    workers: numberFromEnv("DEMO_WORKERS", 2) || 1,
    slowQueueAhead: 3,
    maxStoredBytes: numberFromEnv("DEMO_STORAGE_MB", 512) * 1024 * 1024,
    fetchExternalReferences: false,
    requireKey: false,
    ...overrides,
  };
}
