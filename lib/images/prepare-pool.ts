/**
 * Runs reference preparation in a few module workers, so a drop of ten camera photos never blocks
 * typing: decoding, scaling and encoding a 24-MP JPEG takes ~0.4 s, and on the main thread ten of
 * them leave the page unresponsive for seconds (`npm run bench -- reference-prep`, "ten at once").
 * Files wait in a queue and at most `size` are prepared at a time, which also bounds memory: each
 * one in flight holds a decoded 24-MP bitmap (~100 MB outside the JS heap).
 *
 * Where there is no Worker or OffscreenCanvas, or the worker cannot start (a CSP without
 * worker-src 'self', a failed chunk load), the same queue prepares on the main thread instead.
 */
import {
  fileLabel,
  prepareReference,
  ReferenceFileError,
  type PreparedReference,
  type ReferenceFileErrorCode,
} from "./prepare";

export interface PrepareRequest {
  id: number;
  file: Blob;
}

export type PrepareReply =
  | { id: number; ok: true; result: PreparedReference }
  | { id: number; ok: false; code?: ReferenceFileErrorCode; message: string };

/** What the pool needs of a Worker (a fake one in tests). */
export interface PrepareWorker {
  postMessage(request: PrepareRequest): void;
  terminate(): void;
  onmessage: ((event: { data: PrepareReply }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface PreparePoolOptions {
  /** Most files prepared at once. */
  size: number;
  /** A new worker; undefined or a throw means workers are unavailable: prepare here instead. */
  createWorker(): PrepareWorker | undefined;
  /** The main-thread fallback. */
  prepareHere(file: Blob): Promise<PreparedReference>;
  /** A file not prepared by then is refused and its worker replaced (a decoder that hangs). */
  timeoutMs: number;
  /** Workers idle this long are ended: a worker holds its own heap, and nothing is pending. */
  idleMs: number;
}

export interface PreparePool {
  /** Prepares `file` once a slot is free; rejects with ReferenceFileError when it is refused. */
  prepare(file: Blob): Promise<PreparedReference>;
}

interface Job {
  file: Blob;
  resolve(result: PreparedReference): void;
  reject(error: unknown): void;
}

interface Slot {
  worker?: PrepareWorker;
  /** Whether this worker has answered once: an error before that means it never started. */
  started: boolean;
  job?: Job;
  idleTimer?: ReturnType<typeof setTimeout>;
}

/** A queue in front of `size` workers, falling back to the main thread when workers fail. */
export function createPreparePool(options: PreparePoolOptions): PreparePool {
  const { size, createWorker, prepareHere, timeoutMs, idleMs } = options;
  const queue: Job[] = [];
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, () => ({ started: false }));
  let workersUnavailable = false;
  let nextId = 0;

  const end = (slot: Slot) => {
    slot.worker?.terminate();
    slot.worker = undefined;
    slot.started = false;
  };

  const release = (slot: Slot) => {
    slot.job = undefined;
    if (slot.worker) slot.idleTimer = setTimeout(() => end(slot), idleMs);
    pump();
  };

  const workerFor = (slot: Slot): PrepareWorker | undefined => {
    if (workersUnavailable) return undefined;
    if (!slot.worker) {
      try {
        slot.worker = createWorker();
      } catch {
        slot.worker = undefined;
      }
      if (!slot.worker) workersUnavailable = true;
    }
    return slot.worker;
  };

  function run(slot: Slot, job: Job) {
    clearTimeout(slot.idleTimer);
    slot.job = job;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      release(slot);
    };
    const timer = setTimeout(() => {
      end(slot);
      settle(() =>
        job.reject(
          new ReferenceFileError(
            "timeout",
            `${fileLabel(job.file)} took too long to read. Try a smaller or simpler image.`,
          ),
        ),
      );
    }, timeoutMs);

    const worker = workerFor(slot);
    if (!worker) {
      prepareHere(job.file).then(
        (result) => settle(() => job.resolve(result)),
        (error: unknown) => settle(() => job.reject(error)),
      );
      return;
    }
    const id = nextId++;
    worker.onmessage = ({ data }) => {
      if (data.id !== id) return;
      slot.started = true;
      settle(() =>
        data.ok
          ? job.resolve(data.result)
          : job.reject(
              data.code ? new ReferenceFileError(data.code, data.message) : new Error(data.message),
            ),
      );
    };
    worker.onerror = () => {
      const neverStarted = !slot.started;
      end(slot);
      if (neverStarted) {
        // The script did not load or run: every worker would fail alike, so stop trying them and
        // give this file to the main thread, at the head of the queue.
        workersUnavailable = true;
        settled = true;
        clearTimeout(timer);
        queue.unshift(job);
        release(slot);
      } else settle(() => job.reject(new Error(`${fileLabel(job.file)} could not be read.`)));
    };
    worker.postMessage({ id, file: job.file });
  }

  function pump() {
    for (const slot of slots) {
      if (!queue.length) return;
      if (!slot.job) run(slot, queue.shift()!);
    }
  }

  return {
    prepare: (file) =>
      new Promise<PreparedReference>((resolve, reject) => {
        queue.push({ file, resolve, reject });
        pump();
      }),
  };
}

/** The localStorage key of the bench-only switch below. */
export const PREPARE_SWITCH_KEY = "hidream-playground/prepare-on";

/**
 * Whether references are prepared in workers. Bench-only switch (bench/reference-burst.ts compares
 * both paths in one run): "main" under PREPARE_SWITCH_KEY prepares on the main thread, through the
 * same queue. Nothing in the app sets it.
 */
function workersWanted(): boolean {
  if (typeof Worker === "undefined" || typeof OffscreenCanvas === "undefined") return false;
  try {
    return localStorage.getItem(PREPARE_SWITCH_KEY) !== "main";
  } catch {
    return true;
  }
}

/**
 * One core left for the page: a worker per core but one, at least one and at most three (memory
 * grows with each in flight). On 2 cores, two workers took both, and typing while ten camera
 * photos were prepared lagged worse than on the main thread (npm run bench, reference-prep).
 */
export function poolSize(cores: number | undefined): number {
  return Math.min(3, Math.max(1, (cores ?? 2) - 1));
}

let shared: PreparePool | undefined;

/** The page's one preparer: prepares `file` off the main thread where the browser allows it. */
export function prepareReferenceInBackground(file: Blob): Promise<PreparedReference> {
  shared ??= createPreparePool({
    size: poolSize(typeof navigator === "undefined" ? undefined : navigator.hardwareConcurrency),
    createWorker: () =>
      workersWanted()
        ? (new Worker(new URL("./prepare.worker.ts", import.meta.url), {
            type: "module",
            name: "reference-preparer",
          }) as unknown as PrepareWorker)
        : undefined,
    prepareHere: (blob) => prepareReference(blob),
    timeoutMs: PREPARE_TIMEOUT_MS,
    idleMs: 30_000,
  });
  return shared.prepare(file);
}

/** A decoder that never answers must not leave a slot "Preparing…" forever. */
export const PREPARE_TIMEOUT_MS = 30_000;
