/**
 * Runs reference preparation in a few module workers, so a drop of ten camera photos never blocks
 * typing: decoding, scaling and encoding a 24-MP JPEG takes ~0.4 s, and on the main thread ten of
 * them leave the page unresponsive for seconds (`npm run bench -- reference-prep`, "ten at once").
 * Files wait in a queue and each worker prepares at most FILES_PER_WORKER at a time, which also
 * bounds memory: each file in flight holds its decoded pixels outside the JS heap.
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
import { readLocal } from "@/lib/local-storage";

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
  /** Workers to run at most. */
  workers: number;
  /** Files each worker prepares at once (and, without workers, files prepared at once in all). */
  filesPerWorker: number;
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
  /** Set once the job was in a worker that crashed: a second crash refuses it. */
  crashedOnce?: boolean;
}

/** One worker (or, once workers are unavailable, its share of the main thread) and its files. */
interface Lane {
  worker?: PrepareWorker;
  /** Whether this worker has answered once: an error before that means it never started. */
  started: boolean;
  running: Map<number, { job: Job; timer: ReturnType<typeof setTimeout> }>;
  idleTimer?: ReturnType<typeof setTimeout>;
}

/**
 * A queue in front of `workers` workers preparing `filesPerWorker` files each, falling back to the
 * main thread when workers fail.
 */
export function createPreparePool(options: PreparePoolOptions): PreparePool {
  const { createWorker, prepareHere, timeoutMs, idleMs } = options;
  const perLane = Math.max(1, options.filesPerWorker);
  const queue: Job[] = [];
  const lanes: Lane[] = Array.from({ length: Math.max(1, options.workers) }, () => ({
    started: false,
    running: new Map(),
  }));
  let workersUnavailable = false;
  let nextId = 0;

  /** Takes file `id` off its lane; undefined when it was already answered, refused or moved. */
  const finish = (lane: Lane, id: number): Job | undefined => {
    const running = lane.running.get(id);
    if (!running) return undefined;
    clearTimeout(running.timer);
    lane.running.delete(id);
    if (!lane.running.size && lane.worker) lane.idleTimer = setTimeout(() => end(lane), idleMs);
    return running.job;
  };

  /** Ends the lane's worker; the files it still held are returned, in the order they started. */
  const end = (lane: Lane): Job[] => {
    clearTimeout(lane.idleTimer);
    lane.worker?.terminate();
    lane.worker = undefined;
    lane.started = false;
    const orphans = [...lane.running.values()].map(({ job, timer }) => {
      clearTimeout(timer);
      return job;
    });
    lane.running.clear();
    return orphans;
  };

  const workerFor = (lane: Lane): PrepareWorker | undefined => {
    if (workersUnavailable) return undefined;
    if (!lane.worker) {
      let worker: PrepareWorker | undefined;
      try {
        worker = createWorker();
      } catch {
        worker = undefined;
      }
      if (!worker) {
        workersUnavailable = true;
        return undefined;
      }
      lane.worker = worker;
      worker.onmessage = ({ data }) => {
        if (lane.worker !== worker) return;
        const job = finish(lane, data.id);
        if (!job) return;
        lane.started = true;
        if (data.ok) job.resolve(data.result);
        else
          job.reject(
            data.code ? new ReferenceFileError(data.code, data.message) : new Error(data.message),
          );
        pump();
      };
      worker.onerror = () => {
        if (lane.worker !== worker) return;
        const neverStarted = !lane.started;
        const orphans = end(lane);
        if (neverStarted) {
          // The script did not load or run: every worker would fail alike, so stop trying them
          // and give its files to the main thread, at the head of the queue.
          workersUnavailable = true;
          queue.unshift(...orphans);
        } else {
          // The worker died with its files: which one killed it is unknown, so each is tried
          // once more, and refused if it is in a crash again.
          const again = orphans.filter((job) => !job.crashedOnce);
          for (const job of orphans) {
            if (job.crashedOnce) job.reject(new Error(`${fileLabel(job.file)} could not be read.`));
            job.crashedOnce = true;
          }
          queue.unshift(...again);
        }
        pump();
      };
    }
    return lane.worker;
  };

  function run(lane: Lane, job: Job) {
    clearTimeout(lane.idleTimer);
    const id = nextId++;
    const timer = setTimeout(() => {
      if (!finish(lane, id)) return;
      // A worker stuck on one file holds the others too: it is replaced and they start again.
      if (lane.worker) queue.unshift(...end(lane));
      job.reject(
        new ReferenceFileError(
          "timeout",
          `${fileLabel(job.file)} took too long to read. Try a smaller or simpler image.`,
        ),
      );
      pump();
    }, timeoutMs);
    lane.running.set(id, { job, timer });

    const worker = workerFor(lane);
    if (worker) {
      worker.postMessage({ id, file: job.file });
      return;
    }
    const settle = (outcome: (job: Job) => void) => {
      const settled = finish(lane, id);
      if (!settled) return;
      outcome(settled);
      pump();
    };
    prepareHere(job.file).then(
      (result) => settle((settled) => settled.resolve(result)),
      (error: unknown) => settle((settled) => settled.reject(error)),
    );
  }

  /** Starts queued files on the least busy lanes with room: one per worker before a second. */
  function pump() {
    while (queue.length) {
      let lane: Lane | undefined;
      for (const candidate of lanes)
        if (
          candidate.running.size < perLane &&
          (!lane || candidate.running.size < lane.running.size)
        )
          lane = candidate;
      if (!lane) return;
      run(lane, queue.shift()!);
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

/**
 * How references are prepared, a bench-only switch in localStorage (bench/reference-burst.ts
 * compares the paths in one run; prepareReferenceInBackground reads it): "main" prepares on the
 * main thread through the same queue, "one-per-worker" gives each worker one file at a time.
 * Nothing in the app sets it.
 */
export const PREPARE_SWITCH_KEY = "hidream-playground/prepare-on";

/**
 * One core left for the page: a worker per core but one, at least one and at most three (memory
 * grows with each in flight). On 2 cores, two workers took both, and typing while ten camera
 * photos were prepared lagged worse than on the main thread (npm run bench, reference-prep).
 */
export function poolSize(cores: number | undefined): number {
  return Math.min(3, Math.max(1, (cores ?? 2) - 1));
}

/**
 * Two files per worker: a worker spends much of a file waiting on Chromium's own threads (the
 * JPEG decode of ImageDecoder, the encode, the hash), and a second file fills that wait with
 * work. Ten 24-MP photos on 2 cores: all ready in ~2.4 s against ~3.1 s one at a time, typing
 * unchanged (npm run bench -- reference-prep). Each file in flight holds ~40 MB of pixels.
 */
export const FILES_PER_WORKER = 2;

let shared: PreparePool | undefined;

/** The page's one preparer: prepares `file` off the main thread where the browser allows it. */
export function prepareReferenceInBackground(file: Blob): Promise<PreparedReference> {
  if (!shared) {
    const choice = readLocal(PREPARE_SWITCH_KEY);
    const workersWanted =
      typeof Worker !== "undefined" && typeof OffscreenCanvas !== "undefined" && choice !== "main";
    shared = createPreparePool({
      workers: poolSize(
        typeof navigator === "undefined" ? undefined : navigator.hardwareConcurrency,
      ),
      filesPerWorker: choice === "one-per-worker" ? 1 : FILES_PER_WORKER,
      createWorker: () =>
        workersWanted
          ? (new Worker(new URL("./prepare.worker.ts", import.meta.url), {
              type: "module",
              name: "reference-preparer",
            }) as unknown as PrepareWorker)
          : undefined,
      prepareHere: (blob) => prepareReference(blob),
      timeoutMs: PREPARE_TIMEOUT_MS,
      idleMs: 30_000,
    });
  }
  return shared.prepare(file);
}

/** A decoder that never answers must not leave a slot "Preparing…" forever. */
export const PREPARE_TIMEOUT_MS = 30_000;
