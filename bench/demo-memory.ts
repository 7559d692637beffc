/**
 * Demo memory: how much memory a demo deployment needs. The production build (`next start`, demo
 * mode: the embedded backend renders real 2048² images with sharp) is loaded by the real
 * @fal-ai/client through the proxy, then holds hundreds of open status streams, while the server's
 * resident memory (RSS of its whole process group, from /proc) is sampled every 100 ms.
 *
 * Two configurations of the same build, in one run: the app's own (one image encoded at a time,
 * sharp's cache off, libvips on one thread per image) and the alternative it replaced (four
 * encodes at once with sharp's defaults), so the difference is measured, not assumed.
 *
 * Reading it: "idle" is after start and one warm-up run; "peak" the highest sample while the runs
 * go; "after" is 15 s after the last run, when nothing is in flight (what a long-lived demo keeps);
 * "streams" is with that many status streams open at once, and "closed" 10 s after the browser
 * side dropped them. The goal is that the app's configuration peaks under 1 GB (what a small
 * container gives), and the note under the table states what a demo deployment needs.
 */
import type { ChildProcess } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import http from "node:http";
import { ENDPOINT_ID, type EditInput } from "@/lib/endpoint";
import { createPlaygroundFalClient } from "@/lib/fal/client";
import { makePng } from "../tests/support/images";
import {
  ensureBuild,
  killGroup,
  sleep,
  startServer,
  stopChild,
  type BuildReport,
} from "./next-app";
import { table, verdictAndNotes } from "./table";

export interface DemoMemoryOptions {
  port: number;
  runs: number;
  concurrency: number;
  streams: number;
  settleMs: number;
  /** The goal: the app's configuration stays under this peak RSS. */
  goalPeakMb: number;
}

export const DEFAULT_OPTIONS: DemoMemoryOptions = {
  port: 3340,
  runs: 200,
  concurrency: 50,
  streams: 300,
  settleMs: 15_000,
  goalPeakMb: 1024,
};

interface Configuration {
  name: string;
  env: Record<string, string>;
}

const CONFIGURATIONS: Configuration[] = [
  { name: "ours: 1 encode at a time, sharp cache off", env: {} },
  { name: "ours + MALLOC_ARENA_MAX=2", env: { MALLOC_ARENA_MAX: "2" } },
  {
    name: "before: 4 encodes at once, sharp defaults",
    env: { DEMO_RENDER_CONCURRENCY: "4", DEMO_SHARP_DEFAULTS: "1" },
  },
];
/** Stored images are bounded by DEMO_STORAGE_MB: kept small here, so what remains is the app's. */
const STORAGE_MB = 128;

interface Measured {
  configuration: string;
  idleMb: number;
  peakMb: number;
  afterRunsMb: number;
  streamsMb: number;
  perStreamKb: number;
  closedMb: number;
  runsCompleted: number;
  runsSeconds: number;
}

export interface DemoMemoryResult {
  name: "demo-memory";
  options: DemoMemoryOptions;
  build: BuildReport;
  results: Measured[];
  goal: { definition: string; pass: boolean };
  notes: string[];
  durationSeconds: number;
}

/** Resident memory of every process in a group, in MB. */
export async function groupRssMb(group: number): Promise<number> {
  let kb = 0;
  for (const name of await readdir("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, "utf8").catch(() => "");
    // Fields after the command (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== group) continue;
    const status = await readFile(`/proc/${name}/status`, "utf8").catch(() => "");
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return kb / 1024;
}

function sampler(group: number) {
  let peak = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      peak = Math.max(peak, await groupRssMb(group));
      await sleep(100);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return peak;
    },
  };
}

function openStream(proxyUrl: string, requestId: string): Promise<http.ClientRequest> {
  const url = new URL(proxyUrl);
  return new Promise((resolve, reject) => {
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
    request.on("response", (response) => response.once("data", () => resolve(request)));
    request.on("error", (error) => {
      if (!request.destroyed) reject(error);
    });
    request.end();
  });
}

async function measure(
  configuration: Configuration,
  options: DemoMemoryOptions,
  children: Set<ChildProcess>,
): Promise<Measured> {
  const server = await startServer(options.port, children, {
    DEMO_QUEUE_MS: "10",
    DEMO_STEP_MS: "5",
    DEMO_STORAGE_MB: String(STORAGE_MB),
    ...configuration.env,
  });
  try {
    const proxyUrl = `http://127.0.0.1:${options.port}/api/fal/proxy`;
    const fal = createPlaygroundFalClient(undefined, proxyUrl);
    const reference = await fal.storage.upload(
      new Blob([new Uint8Array(await makePng(1600, 1200))], { type: "image/png" }),
    );
    const input = (i: number): EditInput => ({
      prompt: `Memory run ${i}`,
      reference_image_urls: [reference],
      num_inference_steps: 4,
      output_format: i % 2 === 0 ? "png" : "jpeg",
    });
    const run = (i: number) =>
      fal.subscribe(ENDPOINT_ID, { input: input(i), mode: "streaming" }).then(() => 1);
    await run(-1);
    await sleep(2000);
    const idleMb = await groupRssMb(server.group);

    const peak = sampler(server.group);
    const started = performance.now();
    let next = 0;
    let completed = 0;
    let firstError: unknown;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < options.runs) {
          const done = await run(next++).catch((error: unknown) => {
            firstError ??= error;
            return 0;
          });
          completed += done;
        }
      }),
    );
    const runsSeconds = (performance.now() - started) / 1000;
    if (firstError) console.log(`Demo memory: a run failed: ${String(firstError)}`);
    const peakMb = await peak.stop();
    await sleep(options.settleMs);
    const afterRunsMb = await groupRssMb(server.group);

    const { request_id } = await fal.queue.submit(ENDPOINT_ID, {
      input: { ...input(0), prompt: "Held open [demo:hang]" },
    });
    const streams = await Promise.all(
      Array.from({ length: options.streams }, () => openStream(proxyUrl, request_id)),
    );
    await sleep(2000);
    const streamsMb = await groupRssMb(server.group);
    for (const stream of streams) stream.destroy();
    await sleep(10_000);
    const closedMb = await groupRssMb(server.group);
    await fal.queue.cancel(ENDPOINT_ID, { requestId: request_id });
    return {
      configuration: configuration.name,
      idleMb,
      peakMb,
      afterRunsMb,
      streamsMb,
      perStreamKb: ((streamsMb - afterRunsMb) * 1024) / options.streams,
      closedMb,
      runsCompleted: completed,
      runsSeconds,
    };
  } finally {
    await server.stop();
  }
}

export async function benchDemoMemory(
  options: DemoMemoryOptions = DEFAULT_OPTIONS,
): Promise<DemoMemoryResult> {
  const started = performance.now();
  const children = new Set<ChildProcess>();
  const stopAll = () => children.forEach((child) => killGroup(child, "SIGKILL"));
  process.on("exit", stopAll);
  try {
    const build = await ensureBuild(children, "Demo memory");
    const results: Measured[] = [];
    for (const configuration of CONFIGURATIONS) {
      results.push(await measure(configuration, options, children));
    }
    const ours = results[0]!;
    return {
      name: "demo-memory",
      options,
      build,
      results,
      goal: {
        definition: `the app's configuration peaks under ${options.goalPeakMb} MB RSS with ${options.concurrency} runs at once and stays there with ${options.streams} open streams`,
        pass:
          ours.peakMb < options.goalPeakMb &&
          ours.streamsMb < options.goalPeakMb &&
          ours.runsCompleted === options.runs,
      },
      notes: [
        `Each configuration is a fresh \`next start\` of the same build (demo mode, DEMO_STEP_MS=5, DEMO_QUEUE_MS=10, 4 steps a run), loaded by the real @fal-ai/client through the proxy with ${options.concurrency} runs in flight, ${options.runs} in all, half PNG and half JPEG at 2048², from one client (so the demo's per-client share of 2 workers applies).`,
        "RSS is the sum over the server's process group (npx, next), read from /proc every 100 ms: what a container limit counts. It rarely falls back: memory freed by the encoder stays with the process (glibc's arenas), which MALLOC_ARENA_MAX=2 in the server's environment reduces.",
        `Stored images count against DEMO_STORAGE_MB, ${STORAGE_MB} MB here (512 MB by default). A demo deployment needs about ${Math.ceil(((Math.max(ours.peakMb, ours.streamsMb) - STORAGE_MB) * 1.25) / 64) * 64} MB plus DEMO_STORAGE_MB: the app's peak here without its images, plus a quarter for headroom.`,
      ],
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await Promise.all([...children].map((child) => stopChild(child)));
    process.off("exit", stopAll);
  }
}

export function formatDemoMemory(result: DemoMemoryResult): string {
  const mb = (n: number) => `${Math.round(n)} MB`;
  return [
    `Demo memory (next start, demo mode): ${result.options.runs} runs ${result.options.concurrency} at a time, then ${result.options.streams} open status streams`,
    "",
    table(
      ["configuration", "idle", "peak", "after", "streams", "per stream", "closed", "runs", "time"],
      result.results.map((r) => [
        r.configuration,
        mb(r.idleMb),
        mb(r.peakMb),
        mb(r.afterRunsMb),
        mb(r.streamsMb),
        `${r.perStreamKb.toFixed(0)} KB`,
        mb(r.closedMb),
        `${r.runsCompleted}/${result.options.runs}`,
        `${r.runsSeconds.toFixed(0)} s`,
      ]),
      "left",
    ),
    "",
    `Goal: ${result.goal.definition}.`,
    ...verdictAndNotes(result.goal.pass, result.notes),
  ].join("\n");
}

// `tsx bench/demo-memory.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchDemoMemory();
  console.log(formatDemoMemory(result));
}
