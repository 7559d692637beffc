/**
 * How the app should follow a run's status: the SSE stream or polling at some interval, chosen by
 * measurement. The real `@fal-ai/client` (Node) follows real jobs through our proxy
 * (lib/proxy/handler.ts) in front of a standalone fal-compatible backend paced like a real run,
 * only shorter, and for every strategy the bench counts the status requests that reached the
 * backend and times each log line from its emission to the moment the client first had it.
 *
 * Strategies run side by side: each round starts one job per strategy, a little apart and in a
 * rotated order, so drift in machine load lands on all of them alike (as in proxy-latency), and
 * the whole bench takes one run's time per round instead of one per job. The backend gets one
 * worker per strategy, so no job ever waits behind another's.
 */
import { parseServerEnv } from "@/lib/server-env";
import { createFalClient, type FalClient, type QueueStatus } from "@fal-ai/client";
import sharp from "sharp";
import { ENDPOINT_APP, ENDPOINT_ID, type EditInput } from "@/lib/endpoint";
import { serveHandler } from "@/lib/emulator/serve";
import { startStandaloneBackend, type StandaloneBackend } from "@/lib/emulator/standalone";
import { createProxyHandler, PROXY_ROUTE } from "@/lib/proxy/handler";
import { percentile, rotate } from "./stats";
import { table } from "./table";

export type Strategy =
  { name: string; mode: "streaming" } | { name: string; mode: "polling"; pollIntervalMs: number };

export const STRATEGIES: readonly Strategy[] = [
  { name: "streaming", mode: "streaming" },
  // 500 ms is the client's default interval.
  { name: "polling 500 ms", mode: "polling", pollIntervalMs: 500 },
  { name: "polling 1000 ms", mode: "polling", pollIntervalMs: 1000 },
  { name: "polling 2000 ms", mode: "polling", pollIntervalMs: 2000 },
];

export interface StatusFollowOptions {
  strategies: readonly Strategy[];
  /** Jobs followed per strategy, one per round. */
  jobsPerStrategy: number;
  /** Backend pacing: minimum time in the queue, time per step, steps per job. */
  queueMs: number;
  stepMs: number;
  steps: number;
  /** Gap between the starts of the strategies' jobs within a round. */
  staggerMs: number;
  /** Goal: at most this many status requests per 2 s of run time. */
  goalRequestsPer2s: number;
  /** Goal: log lines shown within this many ms of being emitted, judged at p95. */
  goalLogDelayMs: number;
  /** A job that has not completed after this long breaks the bench. */
  jobTimeoutMs: number;
}

export const DEFAULT_OPTIONS: StatusFollowOptions = {
  strategies: STRATEGIES,
  jobsPerStrategy: 4,
  // 1.5 s + 28 x 0.25 s + loading and rendering ≈ 8.6 s of run time per job: long enough for
  // polling at 2 s to make several polls, short enough for four rounds to take about 40 s.
  queueMs: 1500,
  stepMs: 250,
  steps: 28,
  staggerMs: 400,
  goalRequestsPer2s: 1,
  goalLogDelayMs: 1500,
  jobTimeoutMs: 60_000,
};

/** The proxy route's `maxDuration` (pages/api/fal/proxy.ts): Vercel cuts a stream there. */
const STREAM_CUT_SECONDS = 300;

export interface LogDelaySummary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export interface JobRecord {
  strategy: string;
  round: number;
  requestId: string;
  /** From just before submit to the client's first COMPLETED status. */
  runMs: number;
  /** Status polls and status streams of this request that reached the backend. */
  statusRequests: number;
  /** Mean time between consecutive status requests; null with fewer than two. */
  meanGapMs: number | null;
  logLinesEmitted: number;
  logLinesSeen: number;
  logDelayMs: LogDelaySummary | null;
  /** From the backend marking the job COMPLETED to the client seeing it. */
  completionLagMs: number;
}

export interface StrategyResult {
  strategy: string;
  mode: "streaming" | "polling";
  pollIntervalMs: number | null;
  jobs: number;
  meanRunSeconds: number;
  statusRequestsPerJob: number;
  /** All of the strategy's status requests / (all of its run time / 2 s). */
  requestsPer2s: number;
  meanGapMs: number | null;
  logLinesEmitted: number;
  logLinesSeen: number;
  /** Over every log line of every job of the strategy. */
  logDelayMs: LogDelaySummary;
  meanCompletionLagMs: number;
  pass: { requests: boolean; logDelay: boolean; both: boolean };
}

export interface StatusFollowResult {
  name: "status-follow";
  options: StatusFollowOptions;
  goal: { requests: string; logDelay: string };
  strategies: StrategyResult[];
  /** The strategy that meets both goals with the fewest requests; null when none does. */
  chosen: string | null;
  notes: string[];
  jobs: JobRecord[];
  durationSeconds: number;
}

export async function benchStatusFollow(
  options: StatusFollowOptions = DEFAULT_OPTIONS,
): Promise<StatusFollowResult> {
  const started = performance.now();
  const backend = await startStandaloneBackend({
    config: {
      queueMs: options.queueMs,
      stepMs: options.stepMs,
      workers: options.strategies.length,
    },
  });
  try {
    const proxy = await serveHandler(
      createProxyHandler({
        env: parseServerEnv({
          FAL_KEY: "bench",
          FAL_UPSTREAM_URL: backend.url,
          ALLOW_PUBLIC_ACCESS: "true",
          RUNS_PER_MINUTE: "unlimited",
          DAILY_BUDGET_USD: "unlimited",
        }),
      }),
    );
    try {
      // Like the browser's client: no key of its own (an earlier bench sets FAL_KEY in this
      // process, and the client would otherwise send it; the proxy ignores it either way).
      const fal = createFalClient({
        proxyUrl: { url: `${proxy.url}${PROXY_ROUTE}`, when: "always" },
        credentials: () => undefined,
      });
      const reference = await uploadReference(fal);
      const jobs: FollowedJob[] = [];
      for (let round = 0; round < options.jobsPerStrategy; round++) {
        const order = rotate(options.strategies, round);
        const records = await Promise.all(
          order.map(async (strategy, slot) => {
            await sleep(slot * options.staggerMs);
            return followOneJob(fal, backend, strategy, reference, round, options);
          }),
        );
        jobs.push(...records);
      }
      const strategies = options.strategies.map((strategy) =>
        summarizeStrategy(
          strategy,
          jobs.filter((job) => job.record.strategy === strategy.name),
          options,
        ),
      );
      return {
        name: "status-follow",
        options,
        goal: {
          requests: `<= ${options.goalRequestsPer2s} status request per 2 s of run time (all of a strategy's status requests / (all of its run time / 2 s))`,
          logDelay: `log delay p95 <= ${options.goalLogDelayMs} ms over every log line of the strategy, and no line missed`,
        },
        strategies,
        chosen: choose(strategies),
        notes: notes(options),
        jobs: jobs.map((job) => job.record),
        durationSeconds: (performance.now() - started) / 1000,
      };
    } finally {
      await proxy.close();
    }
  } finally {
    await backend.close();
  }
}

/** A small PNG to fal storage, as the app uploads a reference before submitting. */
async function uploadReference(fal: FalClient): Promise<string> {
  const png = await sharp({
    create: { width: 64, height: 48, channels: 3, background: "#2563eb" },
  })
    .png()
    .toBuffer();
  return fal.storage.upload(new Blob([new Uint8Array(png)], { type: "image/png" }));
}

/** A job's record, and the delay of each of its log lines (pooled per strategy, not saved). */
interface FollowedJob {
  record: JobRecord;
  delays: number[];
}

async function followOneJob(
  fal: FalClient,
  { backend }: StandaloneBackend,
  strategy: Strategy,
  reference: string,
  round: number,
  options: StatusFollowOptions,
): Promise<FollowedJob> {
  const input: EditInput = {
    prompt: `status-follow bench, ${strategy.name}, round ${round + 1}`,
    reference_image_urls: [reference],
    num_inference_steps: options.steps,
    // Small and cheap to render: the output is not what is measured here.
    image_size: { width: 512, height: 512 },
    output_format: "jpeg",
  };
  const submittedAt = Date.now();
  const { request_id: requestId } = await fal.queue.submit(ENDPOINT_ID, { input });

  // Polling answers every line each time and the stream only new ones: keep each line's first
  // sighting, keyed by timestamp and message.
  const firstSeen = new Map<string, number>();
  let completedSeenAt: number | undefined;
  const onQueueUpdate = (status: QueueStatus) => {
    const now = Date.now();
    if ("logs" in status && Array.isArray(status.logs)) {
      for (const line of status.logs) {
        const key = lineKey(line.timestamp, line.message);
        if (!firstSeen.has(key)) firstSeen.set(key, now);
      }
    }
    if (status.status === "COMPLETED") completedSeenAt ??= now;
  };
  const following =
    strategy.mode === "streaming"
      ? fal.queue.subscribeToStatus(ENDPOINT_ID, {
          requestId,
          logs: true,
          mode: "streaming",
          onQueueUpdate,
        })
      : fal.queue.subscribeToStatus(ENDPOINT_ID, {
          requestId,
          logs: true,
          mode: "polling",
          pollInterval: strategy.pollIntervalMs,
          onQueueUpdate,
        });
  const last = await withTimeout(
    following,
    options.jobTimeoutMs,
    `${strategy.name}: job ${requestId} did not complete within ${options.jobTimeoutMs} ms`,
  );
  const resolvedAt = Date.now();
  if (last.status !== "COMPLETED")
    throw new Error(`${strategy.name}: job ${requestId} ended following at ${last.status}`);

  const job = backend.job(requestId);
  if (!job) throw new Error(`${strategy.name}: the backend has no job ${requestId}`);
  if (job.result?.status !== 200 || job.completedAt === undefined) {
    throw new Error(
      `${strategy.name}: job ${requestId} failed (${job.result?.status}): ${JSON.stringify(job.logs.map((l) => l.message))}`,
    );
  }
  if (job.logTotal !== job.logs.length)
    throw new Error(`${strategy.name}: job ${requestId} logged more lines than the backend keeps`);

  const statusPath = `/${ENDPOINT_APP}/requests/${requestId}/status`;
  const statusTimes = backend.seen
    .filter((r) => r.path === statusPath || r.path === `${statusPath}/stream`)
    .map((r) => r.at)
    .sort((a, b) => a - b);
  if (statusTimes.length === 0)
    throw new Error(`${strategy.name}: no status request of ${requestId} reached the backend`);

  const delays: number[] = [];
  for (const line of job.logs) {
    const seenAt = firstSeen.get(lineKey(line.timestamp, line.message));
    if (seenAt !== undefined) delays.push(seenAt - Date.parse(line.timestamp));
  }
  const clientCompletedAt = completedSeenAt ?? resolvedAt;
  const record: JobRecord = {
    strategy: strategy.name,
    round,
    requestId,
    runMs: clientCompletedAt - submittedAt,
    statusRequests: statusTimes.length,
    meanGapMs:
      statusTimes.length > 1
        ? (statusTimes[statusTimes.length - 1]! - statusTimes[0]!) / (statusTimes.length - 1)
        : null,
    logLinesEmitted: job.logs.length,
    logLinesSeen: delays.length,
    logDelayMs: delays.length ? summarizeDelays(delays) : null,
    completionLagMs: clientCompletedAt - job.completedAt,
  };
  return { record, delays };
}

const lineKey = (timestamp: string, message: string) => `${timestamp}\u0000${message}`;

function summarizeDelays(delays: readonly number[]): LogDelaySummary {
  const sorted = [...delays].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1]!,
  };
}

function summarizeStrategy(
  strategy: Strategy,
  followed: FollowedJob[],
  options: StatusFollowOptions,
): StrategyResult {
  if (followed.length === 0) throw new Error(`${strategy.name}: no jobs were followed`);
  const jobs = followed.map((job) => job.record);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const runMs = sum(jobs.map((j) => j.runMs));
  const requests = sum(jobs.map((j) => j.statusRequests));
  const gaps = jobs.flatMap((j) => (j.meanGapMs === null ? [] : [j.meanGapMs]));
  const delays = followed.flatMap((job) => job.delays);
  const emitted = sum(jobs.map((j) => j.logLinesEmitted));
  const seen = sum(jobs.map((j) => j.logLinesSeen));
  if (delays.length === 0) throw new Error(`${strategy.name}: the client saw no log line`);
  const logDelayMs = summarizeDelays(delays);
  const requestsPer2s = requests / (runMs / 2000);
  const passRequests = requestsPer2s <= options.goalRequestsPer2s;
  const passDelay = logDelayMs.p95 <= options.goalLogDelayMs && seen === emitted;
  return {
    strategy: strategy.name,
    mode: strategy.mode,
    pollIntervalMs: strategy.mode === "polling" ? strategy.pollIntervalMs : null,
    jobs: jobs.length,
    meanRunSeconds: runMs / jobs.length / 1000,
    statusRequestsPerJob: requests / jobs.length,
    requestsPer2s,
    meanGapMs: gaps.length ? sum(gaps) / gaps.length : null,
    logLinesEmitted: emitted,
    logLinesSeen: seen,
    logDelayMs,
    meanCompletionLagMs: sum(jobs.map((j) => j.completionLagMs)) / jobs.length,
    pass: { requests: passRequests, logDelay: passDelay, both: passRequests && passDelay },
  };
}

/** Meets both goals with the fewest requests per 2 s of run time; ties go to the lower p95. */
function choose(strategies: StrategyResult[]): string | null {
  const passing = strategies
    .filter((s) => s.pass.both)
    .sort(
      (a, b) =>
        round2(a.requestsPer2s) - round2(b.requestsPer2s) || a.logDelayMs.p95 - b.logDelayMs.p95,
    );
  return passing[0]?.strategy ?? null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function notes(options: StatusFollowOptions): string[] {
  const perCut = 2 / STREAM_CUT_SECONDS;
  return [
    `Pacing: queueMs ${options.queueMs}, stepMs ${options.stepMs}, ${options.steps} steps: about ${((options.queueMs + options.steps * options.stepMs) / 1000).toFixed(1)} s of queue and steps per job, plus loading the reference and rendering. Real runs are longer; polling's count grows with run time, a stream's does not.`,
    `Path: @fal-ai/client (Node) -> our proxy (lib/proxy/handler.ts, served by lib/emulator/serve.ts) -> standalone backend; status requests are counted where they arrive, at the backend (a stream counts as one).`,
    `Jobs of different strategies run side by side, ${options.staggerMs} ms apart, in a rotated order each round; the backend has one worker per strategy, so none waits in the queue behind another.`,
    `Log delay = the client's Date.now() when a line first appeared in onQueueUpdate minus the line's emission timestamp (same process, same clock). Judged at p95, not max: polling's delay is spread evenly over its interval, so p95 (close to the interval itself) tells intervals apart, while the max is one line's worst case and moves with a single GC pause or scheduler hiccup on a shared 2-core machine. Max is shown beside it. A line the client never saw fails the goal.`,
    `Requests per 2 s is judged on the short runs here, where the first poll weighs more than on a long run; "gap" is the mean time between a job's status requests, so 2000 / gap is polling's rate on a run of any length.`,
    `Streaming holds one long-lived proxied request per run (lib/fal/client.ts uses mode "streaming"). On Vercel the proxy function is cut at its maxDuration (${STREAM_CUT_SECONDS} s, pages/api/fal/proxy.ts) and the app must reconnect (lib/fal/follow.ts does): one more request per ${STREAM_CUT_SECONDS} s of run, ${perCut.toFixed(4)} per 2 s, still far under the goal.`,
    "Run time = from just before submit to the client's first COMPLETED status; 'done lag' = how long after the backend completed the job the client saw it.",
  ];
}

/** The result as plain-text tables, for the terminal. */
export function formatStatusFollow(result: StatusFollowResult): string {
  const ms = (value: number) => value.toFixed(0);
  const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");
  const rows = result.strategies.map((s) => [
    s.strategy,
    String(s.jobs),
    s.meanRunSeconds.toFixed(2),
    s.statusRequestsPerJob.toFixed(2),
    s.requestsPer2s.toFixed(2),
    s.meanGapMs === null ? "-" : ms(s.meanGapMs),
    ms(s.logDelayMs.p50),
    ms(s.logDelayMs.p95),
    ms(s.logDelayMs.max),
    `${s.logLinesSeen}/${s.logLinesEmitted}`,
    ms(s.meanCompletionLagMs),
    verdict(s.pass.requests),
    verdict(s.pass.logDelay),
    verdict(s.pass.both),
  ]);
  const chosen = result.strategies.find((s) => s.strategy === result.chosen);
  return [
    "Status follow (per strategy; run time in s, delays in ms; 'req/2 s' = status requests per 2 s of run time)",
    table(
      [
        "strategy",
        "jobs",
        "run s",
        "req/job",
        "req/2 s",
        "gap ms",
        "log p50",
        "log p95",
        "log max",
        "lines",
        "done lag",
        "req goal",
        "log goal",
        "verdict",
      ],
      rows,
    ),
    "",
    `Goals: ${result.goal.requests}; ${result.goal.logDelay}.`,
    chosen
      ? `Chosen: ${chosen.strategy} (meets both goals with the fewest requests: ${chosen.requestsPer2s.toFixed(2)} per 2 s of run time, ${chosen.statusRequestsPerJob.toFixed(2)} per job; log delay p95 ${ms(chosen.logDelayMs.p95)} ms, max ${ms(chosen.logDelayMs.max)} ms)`
      : "Chosen: none (no strategy meets both goals)",
    "",
    "Notes:",
    ...result.notes.map((note) => `- ${note}`),
  ].join("\n");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
