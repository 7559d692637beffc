/**
 * The demo backend's queue: jobs wait for a free worker (so queue positions are real), run step by
 * step with log lines, honour cancellation, and always end in COMPLETED, as fal's jobs do.
 */
import { randomInt, randomUUID } from "node:crypto";
import sharp from "sharp";
import {
  ENDPOINTS,
  endpointById,
  keepsOriginalAspect,
  outputSize,
  type EditOutput,
  type FieldError,
  type ResolvedEditInput,
} from "@/lib/endpoint";
import { inputSchemaFor, toFieldErrors } from "@/lib/endpoint/schema";
import type { EmulatorConfig } from "./config";
import type { FileStore } from "./file-store";
import { HttpError } from "./http-error";
import { renderDemoImage, type RenderedImage, type RenderRequest } from "./render";
import { isFlagged, scenariosIn, type Scenario } from "./scenarios";

export type LogLevel = "STDERR" | "STDOUT" | "ERROR" | "INFO" | "WARN" | "DEBUG";
export interface LogEntry {
  message: string;
  level: LogLevel;
  source: "USER";
  timestamp: string;
}

/** What `GET …/requests/{id}` answers: the model's status, body and headers, replayed. */
export interface JobResult {
  status: number;
  body: unknown;
  errorType?: string;
}

export type JobState = "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED";

export interface Job {
  id: string;
  endpoint: string;
  /** The submitted input; dropped once the job is finished (nothing reads it then). */
  input: unknown;
  /** Who submitted it: workers are shared fairly between clients. */
  client: string;
  /** The base the submitter reached the backend on: its result's file URLs are built on it. */
  publicBase: string;
  state: JobState;
  createdAt: number;
  startedAt?: number;
  completedAt?: number;
  /** The newest log lines (at most MAX_LOG_LINES). */
  logs: LogEntry[];
  /** How many lines were ever logged, so a stream can send only what is new. */
  logTotal: number;
  result?: JobResult;
  cancelRequested: boolean;
  scenarios: Set<Scenario>;
  /** Extra imaginary jobs ahead in the queue, for the `slow` scenario. */
  phantomAhead: number;
  /** Set once the job's minimum queue time is over and it may take a free worker. */
  admitted: boolean;
  listeners: Set<() => void>;
  /** Rough size of the stored result (data URIs in sync mode make it large). */
  resultBytes: number;
}

/** Who submits a job and where they reach the backend: passed in with each submit. */
export interface SubmitContext {
  client: string;
  publicBase: string;
}

/** Draws one output image; the demo's own renderer unless a test brings a cheaper one. */
export type Renderer = (request: RenderRequest) => Promise<RenderedImage>;

/** Resolves reference URLs to bytes: `null` for one the backend chose not to fetch. */
export type ReferenceLoader = (url: string) => Promise<Uint8Array | null>;

const MAX_LOG_LINES = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Cancelled extends Error {}
class TimedOut extends Error {}

export class JobQueue {
  private jobs = new Map<string, Job>();
  private running = 0;
  private runningByClient = new Map<string, number>();
  /** When each client last had a job started (a counter), oldest first: turns go round. */
  private lastTurn = new Map<string, number>();
  private turns = 0;
  /** Renders wait for a slot: encoding a 2048² image holds tens of MB of native memory. */
  private renderSlots: Slots;

  constructor(
    private readonly config: EmulatorConfig,
    private readonly files: FileStore,
    private readonly loadReference: ReferenceLoader,
    /** Builds the public URL of a stored file on a base. */
    private readonly fileUrl: (base: string, fileId: string, fileName: string) => string,
    private readonly render: Renderer = renderDemoImage,
  ) {
    this.renderSlots = new Slots(config.renderConcurrency);
  }

  /** Queues a job, or refuses it (HttpError 429) when the queue or the client's share is full. */
  submit(endpoint: string, input: unknown, context: SubmitContext): Job {
    this.forgetOldJobs();
    const active = [...this.jobs.values()].filter((j) => j.state !== "COMPLETED");
    const { maxActiveJobs, maxActiveJobsPerClient } = this.config;
    if (active.length >= maxActiveJobs) {
      throw new HttpError(
        429,
        `The demo backend has ${maxActiveJobs} runs waiting or running, its limit. Try again in a minute.`,
        "demo_queue_full",
      );
    }
    if (active.filter((j) => j.client === context.client).length >= maxActiveJobsPerClient) {
      throw new HttpError(
        429,
        `You have ${maxActiveJobsPerClient} runs waiting or running on the demo backend, the most it takes from one visitor. Wait for some to finish.`,
        "demo_queue_full",
      );
    }
    const job: Job = {
      id: randomUUID(),
      endpoint,
      input,
      client: context.client,
      publicBase: context.publicBase,
      state: "IN_QUEUE",
      createdAt: Date.now(),
      logs: [],
      logTotal: 0,
      cancelRequested: false,
      scenarios: this.scenariosOf(input),
      phantomAhead: 0,
      admitted: false,
      listeners: new Set(),
      resultBytes: 0,
    };
    if (job.scenarios.has("slow")) job.phantomAhead = this.config.slowQueueAhead;
    this.jobs.set(job.id, job);
    void this.admit(job);
    return job;
  }

  /** The failure scenarios a submit's input asks for. */
  scenariosOf(input: unknown): Set<Scenario> {
    return scenariosIn((input as { prompt?: unknown } | null)?.prompt);
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Requests behind-the-scenes ahead of this one (0-based), as fal reports `queue_position`. */
  position(job: Job): number {
    let ahead = job.phantomAhead;
    for (const other of this.jobs.values()) {
      if (other === job) break;
      if (other.state === "IN_QUEUE") ahead++;
    }
    return ahead;
  }

  /** fal's cancel: a queued job ends now; a running one stops at its next step. */
  cancel(job: Job): "CANCELLATION_REQUESTED" | "ALREADY_COMPLETED" {
    if (job.state === "COMPLETED") return "ALREADY_COMPLETED";
    job.cancelRequested = true;
    if (job.state === "IN_QUEUE") this.finishCancelled(job);
    return "CANCELLATION_REQUESTED";
  }

  private async admit(job: Job) {
    await sleep(this.config.queueMs);
    while (job.phantomAhead > 0 && !job.cancelRequested) {
      await sleep(this.config.slowQueueTickMs);
      job.phantomAhead--;
      this.notify(job);
    }
    // A flag, not a clock comparison: timers may fire a millisecond before Date.now() agrees.
    job.admitted = true;
    this.pump();
  }

  /** Jobs that run now or next; a client with fewer running jobs goes first. */
  private pump() {
    while (this.running < this.config.workers) {
      const next = this.nextJob();
      if (!next) return;
      this.running++;
      this.runningByClient.set(next.client, this.runningOf(next.client) + 1);
      this.lastTurn.delete(next.client);
      this.lastTurn.set(next.client, ++this.turns);
      if (this.lastTurn.size > 10_000) this.lastTurn.delete(this.lastTurn.keys().next().value!);
      void this.run(next).finally(() => {
        this.running--;
        const left = this.runningOf(next.client) - 1;
        if (left > 0) this.runningByClient.set(next.client, left);
        else this.runningByClient.delete(next.client);
        this.notifyQueued();
        this.pump();
      });
    }
  }

  private runningOf(client: string): number {
    return this.runningByClient.get(client) ?? 0;
  }

  /**
   * The oldest ready job of the client running the fewest jobs (on a tie, the one whose turn came
   * longest ago), never past a client's share of the workers: one visitor (or one who hangs their
   * runs) cannot hold every worker, and a visitor who arrives later is served before another's
   * long backlog.
   */
  private nextJob(): Job | undefined {
    let best: Job | undefined;
    const turn = (client: string) => this.lastTurn.get(client) ?? 0;
    for (const job of this.jobs.values()) {
      if (job.state !== "IN_QUEUE" || !job.admitted || job.cancelRequested) continue;
      const running = this.runningOf(job.client);
      if (running >= this.config.workersPerClient) continue;
      const bestRunning = best ? this.runningOf(best.client) : Infinity;
      if (
        running < bestRunning ||
        (running === bestRunning && turn(job.client) < turn(best!.client))
      )
        best = job;
    }
    return best;
  }

  private async run(job: Job) {
    job.state = "IN_PROGRESS";
    job.startedAt = Date.now();
    this.notify(job);
    try {
      job.result = await this.execute(job);
    } catch (error) {
      if (error instanceof Cancelled) {
        this.finishCancelled(job);
        return;
      }
      if (error instanceof TimedOut) {
        const seconds = Math.round(this.config.maxRunMs / 1000);
        this.log(job, "ERROR", `Stopped: the run passed the demo's ${seconds} s limit.`);
        job.result = {
          status: 500,
          body: {
            detail: `The run took longer than the demo backend allows (${seconds} s, DEMO_MAX_RUN_SECONDS) and was stopped.`,
          },
          errorType: "request_timeout",
        };
        this.finish(job);
        return;
      }
      this.log(job, "ERROR", `Unhandled error: ${(error as Error).message}`);
      job.result = {
        status: 500,
        body: { detail: "Internal server error" },
        errorType: "internal_error",
      };
    }
    this.finish(job);
  }

  private async execute(job: Job): Promise<JobResult> {
    // Each endpoint's own schema: Full takes no reference, 50 steps and guidance 5 by default.
    const spec = endpointById(job.endpoint) ?? ENDPOINTS.dev;
    this.log(job, "INFO", `Model: HiDream-O1 ${spec.label} (${spec.id}).`);
    const parsed = inputSchemaFor(spec.model).safeParse(job.input);
    if (!parsed.success) {
      this.log(job, "ERROR", "Input validation failed.");
      return validationFailure(toFieldErrors(parsed.error));
    }
    const input = { ...parsed.data, reference_image_urls: parsed.data.reference_image_urls ?? [] };
    if (job.scenarios.has("422")) {
      this.log(job, "ERROR", "Prompt rejected by the demo backend ([demo:422]).");
      return validationFailure([
        {
          loc: ["body", "prompt"],
          msg: "The demo backend rejects prompts that contain [demo:422].",
          type: "value_error",
        },
      ]);
    }

    this.log(job, "INFO", `Loading ${input.reference_image_urls.length} reference image(s).`);
    const references: (Uint8Array | null)[] = [];
    const fieldErrors: FieldError[] = [];
    for (const [index, url] of input.reference_image_urls.entries()) {
      const loaded = await this.loadAndCheck(job, url, index);
      if (typeof loaded === "string") {
        fieldErrors.push({
          loc: ["body", "reference_image_urls", index],
          msg: loaded,
          type: "image_load_error",
        });
      } else references.push(loaded?.bytes ?? null);
    }
    if (fieldErrors.length) return validationFailure(fieldErrors);

    const first =
      keepsOriginalAspect(input) && references[0] ? await orientedSize(references[0]) : undefined;
    const size = outputSize(input, first);
    this.log(
      job,
      "INFO",
      `Output size ${size.width}x${size.height}, ${input.num_images} image(s).`,
    );

    const seed = input.seed ?? randomInt(0, 2 ** 31);
    const steps = input.num_inference_steps;
    // `[demo:quiet]`: fal still has the run but says nothing, as a stalled runner or queue would.
    while (job.scenarios.has("quiet")) {
      await sleep(this.config.stepMs);
      if (job.cancelRequested) throw new Cancelled();
      if (Date.now() - (job.startedAt ?? Date.now()) > this.config.maxRunMs) throw new TimedOut();
    }
    for (let step = 1; step <= steps || job.scenarios.has("hang"); step++) {
      await sleep(this.config.stepMs);
      // fal cannot always stop a job in time; `[demo:late]` plays that, so the app's promise to
      // keep a paid result that arrives after a cancel can be tested.
      if (job.cancelRequested && !job.scenarios.has("late")) throw new Cancelled();
      if (Date.now() - (job.startedAt ?? Date.now()) > this.config.maxRunMs) throw new TimedOut();
      this.log(job, "STDERR", `Step ${Math.min(step, steps)}/${steps}`);
      if (job.scenarios.has("500") && step === Math.ceil(steps / 2)) {
        this.log(
          job,
          "ERROR",
          "CUDA error: an illegal memory access was encountered ([demo:500]).",
        );
        return {
          status: 500,
          body: { detail: "Internal server error" },
          errorType: "internal_error",
        };
      }
    }

    if (input.enable_safety_checker) this.log(job, "INFO", "Running safety checker.");
    const output = await this.renderSlots.run(() =>
      this.renderOutput(job, input, references, size, seed, spec.label),
    );
    this.log(job, "INFO", `Done: ${output.images.length} ${input.output_format} image(s).`);
    return { status: 200, body: output };
  }

  private async loadAndCheck(job: Job, url: string, index: number) {
    const label = `Reference ${index + 1}`;
    let bytes: Uint8Array | null;
    try {
      bytes = await this.loadReference(url);
    } catch (error) {
      this.log(job, "ERROR", `${label}: ${(error as Error).message}`);
      return `Could not load the image at this URL: ${(error as Error).message}`;
    }
    if (!bytes) {
      this.log(job, "WARN", `${label}: URL not fetched in demo mode; a placeholder stands in.`);
      return null;
    }
    try {
      const { width, height } = await orientedSize(bytes);
      this.log(job, "INFO", `${label}: ${width}x${height}.`);
      return { bytes };
    } catch {
      this.log(job, "ERROR", `${label}: not a decodable image.`);
      return "The file at this URL is not an image the model can read.";
    }
  }

  private async renderOutput(
    job: Job,
    input: ResolvedEditInput,
    references: (Uint8Array | null)[],
    size: { width: number; height: number },
    seed: number,
    model: string,
  ): Promise<EditOutput> {
    const started = performance.now();
    const flagged = isFlagged(job.scenarios, input.enable_safety_checker);
    const images: EditOutput["images"] = [];
    for (let index = 0; index < input.num_images; index++) {
      const image = await this.render({
        references,
        size,
        format: input.output_format,
        seed,
        index,
        count: input.num_images,
        model,
        realistic: this.config.outputStyle === "realistic",
      });
      const fileName = `${job.id.slice(0, 8)}-${index}.${input.output_format}`;
      const url = input.sync_mode
        ? `data:${image.contentType};base64,${image.bytes.toString("base64")}`
        : this.fileUrl(
            job.publicBase,
            this.files.add({ bytes: image.bytes, contentType: image.contentType, fileName }),
            fileName,
          );
      images.push({
        url,
        content_type: image.contentType,
        file_name: fileName,
        file_size: image.bytes.byteLength,
        width: image.width,
        height: image.height,
      });
    }
    const inference = (Date.now() - (job.startedAt ?? Date.now())) / 1000;
    return {
      images,
      seed,
      has_nsfw_concepts: images.map(() => flagged),
      prompt: input.prompt,
      timings: { inference, encode: (performance.now() - started) / 1000 },
    };
  }

  private finishCancelled(job: Job) {
    if (job.state === "COMPLETED") return;
    this.log(job, "WARN", "Request cancelled.");
    job.result = {
      status: 400,
      body: { detail: "Request was cancelled." },
      errorType: "request_cancelled",
    };
    this.finish(job);
  }

  private finish(job: Job) {
    job.state = "COMPLETED";
    job.completedAt = Date.now();
    job.input = undefined;
    job.resultBytes = job.result ? JSON.stringify(job.result.body).length : 0;
    this.notify(job);
    this.notifyQueued();
    this.forgetOldJobs();
  }

  private log(job: Job, level: LogLevel, message: string) {
    job.logs.push({ message, level, source: "USER", timestamp: new Date().toISOString() });
    job.logTotal++;
    if (job.logs.length > MAX_LOG_LINES) job.logs.splice(0, job.logs.length - MAX_LOG_LINES);
    this.notify(job);
  }

  private notify(job: Job) {
    for (const listener of job.listeners) listener();
  }

  /** Queue positions move for everyone behind when a job starts or ends. */
  private notifyQueued() {
    for (const job of this.jobs.values()) if (job.state === "IN_QUEUE") this.notify(job);
  }

  /** Finished jobs are kept for their status and result calls, within count, age and bytes. */
  private forgetOldJobs() {
    const { maxFinishedJobs, finishedJobTtlMs, maxFinishedResultBytes } = this.config;
    const finished = [...this.jobs.values()].filter((j) => j.state === "COMPLETED");
    let count = finished.length;
    let bytes = finished.reduce((sum, j) => sum + j.resultBytes, 0);
    const oldest = Date.now() - finishedJobTtlMs;
    // Oldest first: a Map iterates in insertion order.
    for (const job of finished) {
      const expired = (job.completedAt ?? 0) < oldest;
      if (!expired && count <= maxFinishedJobs && bytes <= maxFinishedResultBytes) break;
      // A job with a stream still open is kept until its listener has had the last event.
      if (job.listeners.size > 0) continue;
      this.jobs.delete(job.id);
      count--;
      bytes -= job.resultBytes;
    }
  }

  /** Jobs held right now, for tests and the memory bench. */
  get size(): { active: number; finished: number } {
    let active = 0;
    for (const job of this.jobs.values()) if (job.state !== "COMPLETED") active++;
    return { active, finished: this.jobs.size - active };
  }
}

/** At most `size` tasks at once; the rest wait their turn in order. */
class Slots {
  private busy = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.busy >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy++;
    try {
      return await task();
    } finally {
      this.busy--;
      this.waiting.shift()?.();
    }
  }
}

function validationFailure(detail: FieldError[]): JobResult {
  return { status: 422, body: { detail } };
}

async function orientedSize(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const meta = await sharp(bytes).metadata();
  const { width, height } = meta.autoOrient ?? meta;
  if (!width || !height) throw new Error("no dimensions");
  return { width, height };
}
