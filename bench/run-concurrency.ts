/**
 * Many runs at once, in demo mode through `next start` and the app's own proxy:
 *
 * 1. Open status streams: a run held open ([demo:hang], a log line every step) is followed by 10,
 *    then by 200 status streams at once, each on its own connection as separate browsers would.
 *    With each set open: the server's memory per open stream (RSS growth of its process group ÷
 *    streams) and how long a new run takes from submit to result (the real client, streaming),
 *    against the same with no stream open.
 * 2. A burst: 50 runs submitted at once by the real @fal-ai/client, each followed by its status
 *    stream and its result fetched. The ids submitted, completed and fetched must be the same 50:
 *    nothing lost, nothing twice. (tests/integration/concurrent-runs.test.ts checks the same with
 *    the backend's request log, in-process.)
 */
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import type { EditInput, EditOutput } from "@/lib/endpoint";
import { createPlaygroundFalClient, playgroundCalls } from "@/lib/fal/client";
import { makePng } from "../tests/support/images";
import { groupRssMb } from "./demo-memory";
import {
  ensureBuild,
  killGroup,
  sleep,
  startServer,
  stopChild,
  type BuildReport,
} from "./next-app";
import { percentile } from "./stats";
import { table, verdictAndNotes } from "./table";

export interface RunConcurrencyOptions {
  port: number;
  /** Open stream counts compared side by side; 0 is the quiet baseline. */
  streamCounts: readonly number[];
  /** New runs timed (one after another) with each set of streams open. */
  newRuns: number;
  burst: number;
  stepMs: number;
  steps: number;
  /** Goals: memory per open stream, and a new run with the most streams open against none. */
  goalPerStreamKb: number;
  goalNewRunRatio: number;
}

export const DEFAULT_OPTIONS: RunConcurrencyOptions = {
  port: 3584,
  streamCounts: [0, 10, 200],
  newRuns: 5,
  burst: 50,
  stepMs: 110,
  steps: 8,
  goalPerStreamKb: 100,
  goalNewRunRatio: 1.5,
};

interface StreamPhase {
  streams: number;
  /** RSS just before the streams opened, and with them open (MB). */
  beforeMb: number;
  openMb: number;
  perStreamKb: number;
  /** Submit to result of each new run (ms). */
  newRunMs: number[];
  newRunP50Ms: number;
  /** Status events each open stream received per second while open. */
  eventsPerStreamPerSecond: number;
  /** RSS 5 s after the streams were closed: back near `beforeMb` unless something leaked. */
  rssAfterCloseMb: number;
}

interface Burst {
  runs: number;
  submitted: number;
  uniqueSubmitted: number;
  completed: number;
  fetched: number;
  /** Ids completed or fetched that were never submitted, or submitted and never fetched. */
  lost: number;
  duplicated: number;
  seconds: number;
}

export interface RunConcurrencyResult {
  name: "run-concurrency";
  options: RunConcurrencyOptions;
  build: BuildReport;
  phases: StreamPhase[];
  burst: Burst;
  goal: { definition: string; pass: boolean };
  notes: string[];
  durationSeconds: number;
}

/** A browser-like status stream through the proxy: its own socket; counts the events it gets. */
function openStream(proxyUrl: string, requestId: string) {
  const url = new URL(proxyUrl);
  let events = 0;
  return new Promise<{ close(): void; events(): number }>((resolve, reject) => {
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      agent: false,
      headers: {
        accept: "text/event-stream",
        "x-fal-target-url": `https://queue.fal.run/fal-ai/hidream-o1-image/requests/${requestId}/status/stream?logs=1`,
      },
    });
    request.on("response", (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`stream answered ${response.statusCode}`));
        return;
      }
      response.on("data", (chunk: Buffer) => {
        events += chunk.toString().split("data: ").length - 1;
      });
      response.once("data", () =>
        resolve({ close: () => request.destroy(), events: () => events }),
      );
    });
    request.on("error", (error) => {
      if (!request.destroyed) reject(error);
    });
    request.end();
  });
}

/** RSS averaged over a few samples: one sample catches the collector mid-flight. */
async function steadyRssMb(group: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(await groupRssMb(group));
    await sleep(200);
  }
  return samples.sort((a, b) => a - b)[2]!;
}

export async function benchRunConcurrency(
  options: RunConcurrencyOptions = DEFAULT_OPTIONS,
): Promise<RunConcurrencyResult> {
  const started = performance.now();
  const children = new Set<ChildProcess>();
  const stopAll = () => children.forEach((child) => killGroup(child, "SIGKILL"));
  process.on("exit", stopAll);
  try {
    const build = await ensureBuild(children, "Run concurrency");
    const server = await startServer(options.port, children, {
      DEMO_QUEUE_MS: "100",
      DEMO_STEP_MS: String(options.stepMs),
      DEMO_MAX_RUN_SECONDS: "900",
    });
    const proxyUrl = `http://127.0.0.1:${options.port}/api/fal/proxy`;
    const calls = playgroundCalls(createPlaygroundFalClient(undefined, proxyUrl));
    const reference = await calls.uploadFile(
      new Blob([new Uint8Array(await makePng(1024, 768))], { type: "image/png" }),
    );
    const input = (prompt: string, seed = 1): EditInput => ({
      prompt,
      reference_image_urls: [reference],
      num_inference_steps: options.steps,
      output_format: "jpeg",
      seed,
    });
    const newRun = async (i: number) => {
      const t0 = performance.now();
      const id = await calls.submitEdit(input(`New run ${i}`));
      await calls.followRun(id, () => {});
      await calls.fetchResult(id);
      return performance.now() - t0;
    };
    for (let i = 0; i < 2; i++) await newRun(-1 - i);

    const held = await calls.submitEdit(input("Held open [demo:hang]"));
    await sleep(1000);
    const phases: StreamPhase[] = [];
    for (const count of options.streamCounts) {
      await sleep(2000);
      const beforeMb = await steadyRssMb(server.group);
      const streams = await Promise.all(
        Array.from({ length: count }, () => openStream(proxyUrl, held)),
      );
      const opened = performance.now();
      await sleep(2000);
      const openMb = await steadyRssMb(server.group);
      const newRunMs: number[] = [];
      for (let i = 0; i < options.newRuns; i++) newRunMs.push(await newRun(i));
      const openSeconds = (performance.now() - opened) / 1000;
      const events = streams.reduce((sum, s) => sum + s.events(), 0);
      for (const stream of streams) stream.close();
      await sleep(5000);
      phases.push({
        streams: count,
        beforeMb,
        openMb,
        perStreamKb: count ? ((openMb - beforeMb) * 1024) / count : 0,
        newRunMs,
        newRunP50Ms: percentile(
          [...newRunMs].sort((a, b) => a - b),
          50,
        ),
        eventsPerStreamPerSecond: count ? events / count / openSeconds : 0,
        rssAfterCloseMb: await steadyRssMb(server.group),
      });
    }
    await calls.cancelRun(held);

    const burst = await runBurst(calls, input, options.burst);
    await server.stop();

    const most = phases.at(-1)!;
    const quiet = phases.find((p) => p.streams === 0) ?? phases[0]!;
    const few = phases.find((p) => p.streams > 0 && p.streams < most.streams);
    const newRunRatio = most.newRunP50Ms / quiet.newRunP50Ms;
    return {
      name: "run-concurrency",
      options,
      build,
      phases,
      burst,
      goal: {
        definition: `with ${most.streams} streams open: <= ${options.goalPerStreamKb} KB of server memory per stream and a new run's p50 <= ${options.goalNewRunRatio} x with none open; ${options.burst} runs at once all complete, none lost or duplicated`,
        pass:
          most.perStreamKb <= options.goalPerStreamKb &&
          newRunRatio <= options.goalNewRunRatio &&
          burst.lost === 0 &&
          burst.duplicated === 0 &&
          burst.fetched === options.burst,
      },
      notes: [
        `next start in demo mode (DEMO_STEP_MS=${options.stepMs}, DEMO_QUEUE_MS=100); every stream follows one run held open with [demo:hang], which logs a line every step, so each open stream gets about ${(1000 / options.stepMs).toFixed(0)} events a second through the proxy, as a browser following a run does.`,
        `A new run is ${options.steps} steps with a 2048² JPEG, submitted, streamed and fetched by the real client; ${options.newRuns} one after another per phase.`,
        `RSS is the server's process group, median of 5 samples 200 ms apart; per stream = (open - before) / streams.${few ? ` With ${few.streams} streams the growth is within RSS noise (a few MB), so its per-stream figure is rough.` : ""}`,
        "One client address for everything: the demo's per-client share (2 of 4 workers) applies, and the held run takes one of them.",
        "Per stream counts Next's own per-request objects too. The same 200 streams through the proxy handler and the backend without Next (lib/emulator/serve.ts, client in the same process) grow the heap by about 35 KB and external memory by about 20 KB per stream, and the backend's open streams fall back to 0 once they close.",
      ],
      durationSeconds: (performance.now() - started) / 1000 - build.seconds,
    };
  } finally {
    await Promise.all([...children].map((child) => stopChild(child)));
    process.off("exit", stopAll);
  }
}

async function runBurst(
  calls: ReturnType<typeof playgroundCalls>,
  input: (prompt: string, seed?: number) => EditInput,
  runs: number,
): Promise<Burst> {
  const t0 = performance.now();
  const submitted = await Promise.all(
    Array.from({ length: runs }, (_, i) => calls.submitEdit(input(`Burst run ${i}`, i))),
  );
  const completed = await Promise.all(
    submitted.map(async (id) => (await calls.followRun(id, () => {})).request_id),
  );
  const fetched = await Promise.all(
    submitted.map(async (id, i) => {
      const output: EditOutput = await calls.fetchResult(id);
      // The seed is the run's own: a result served for the wrong id would show another.
      return output.seed === i ? id : `mismatch:${id}`;
    }),
  );
  const unique = new Set(submitted);
  const all = [...completed, ...fetched];
  return {
    runs,
    submitted: submitted.length,
    uniqueSubmitted: unique.size,
    completed: new Set(completed).size,
    fetched: new Set(fetched.filter((id) => unique.has(id))).size,
    lost:
      [...unique].filter((id) => !completed.includes(id) || !fetched.includes(id)).length +
      all.filter((id) => !unique.has(id)).length,
    duplicated: submitted.length - unique.size,
    seconds: (performance.now() - t0) / 1000,
  };
}

export function formatRunConcurrency(result: RunConcurrencyResult): string {
  const b = result.burst;
  return [
    `Run concurrency (next start, demo mode): status streams open on one held run, and ${b.runs} runs at once`,
    "",
    table(
      [
        "streams",
        "RSS before",
        "RSS open",
        "per stream",
        "events/s/stream",
        "new run p50",
        "new run max",
        "RSS after close",
      ],
      result.phases.map((p) => [
        String(p.streams),
        `${p.beforeMb.toFixed(0)} MB`,
        `${p.openMb.toFixed(0)} MB`,
        p.streams ? `${p.perStreamKb.toFixed(0)} KB` : "-",
        p.streams ? p.eventsPerStreamPerSecond.toFixed(1) : "-",
        `${p.newRunP50Ms.toFixed(0)} ms`,
        `${Math.max(...p.newRunMs).toFixed(0)} ms`,
        `${p.rssAfterCloseMb.toFixed(0)} MB`,
      ]),
    ),
    "",
    table(
      ["burst", "submitted", "unique", "completed", "fetched", "lost", "duplicated", "time"],
      [
        [
          String(b.runs),
          String(b.submitted),
          String(b.uniqueSubmitted),
          String(b.completed),
          String(b.fetched),
          String(b.lost),
          String(b.duplicated),
          `${b.seconds.toFixed(1)} s`,
        ],
      ],
    ),
    "",
    `Goal: ${result.goal.definition}.`,
    ...verdictAndNotes(result.goal.pass, result.notes),
  ].join("\n");
}

// `tsx --conditions=react-server bench/run-concurrency.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchRunConcurrency();
  console.log(formatRunConcurrency(result));
}
