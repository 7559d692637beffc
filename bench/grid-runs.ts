/**
 * Grid runs: how long a 48-cell variation grid takes from the first submit to the last result,
 * sent the way the app sends grids (planned, then 4 in flight; lib/grid/runner.ts) against the
 * same 48 runs started one by one (each waits for the last to finish), and the status traffic
 * that reached the backend meanwhile. The real @fal-ai/client follows every run by its status
 * stream, through our proxy, in front of the app's demo backend (in this process), paced like a
 * shortened run and with room for 4 runs at once.
 *
 * Reading it: "wall" is first submit to last result; "per run" is wall / runs; "status calls"
 * are the status requests (streams and polls) the backend answered; "per run" of those should
 * be about 1 (one stream each). The grid is expected to take about a quarter of the one-by-one
 * time; the numbers say by how much on this machine.
 */
import { ENDPOINT_APP, type EditInput } from "@/lib/endpoint";
import { createPlaygroundFalClient, playgroundCalls } from "@/lib/fal/client";
import { toRunError } from "@/lib/fal/errors";
import { followToResult } from "@/lib/fal/follow";
import { planGrid } from "@/lib/grid/plan";
import { GRID_CONCURRENCY, runBounded } from "@/lib/grid/runner";
import type { LogLine, RunRecord } from "@/lib/history/run-record";
import { createRunEngine, type Run, type RunList } from "@/lib/runs/engine";
import { parseServerEnv } from "@/lib/server-env";
import { makePng } from "../tests/support/images";
import { startTestApp } from "../tests/support/test-app";
import { table } from "./table";

export interface GridRunsOptions {
  prompts: number;
  seeds: number;
  /** Backend pacing: minimum time in the queue, time per step. */
  queueMs: number;
  stepMs: number;
  steps: number;
}

export const DEFAULT_OPTIONS: GridRunsOptions = {
  // 4 prompts × 6 seeds × Dev and Full = 48 cells.
  prompts: 4,
  seeds: 6,
  queueMs: 200,
  stepMs: 25,
  steps: 12,
};

interface Measured {
  mode: string;
  runs: number;
  completed: number;
  wallSeconds: number;
  statusCalls: number;
  resultCalls: number;
  submitCalls: number;
  mostInFlight: number;
}

export interface GridRunsResult {
  name: "grid-runs";
  options: GridRunsOptions;
  results: Measured[];
  speedup: number;
  notes: string[];
  durationSeconds: number;
}

function memoryRuns() {
  let list: Run[] = [];
  const runs: RunList = {
    get: (id) => list.find((r) => r.id === id),
    add: (run) => (list = [run, ...list]),
    patch: (id, change) =>
      (list = list.map((r) =>
        r.id === id ? { ...r, ...(typeof change === "function" ? change(r) : change) } : r,
      )),
  };
  return { runs, all: () => list };
}

const noHistory = {
  saveRun: async (_record: RunRecord) => {},
  saveLogs: async (_id: string, _lines: LogLine[]) => {},
  loadLogs: async () => [] as LogLine[],
};

export async function benchGridRuns(
  options: GridRunsOptions = DEFAULT_OPTIONS,
): Promise<GridRunsResult> {
  const started = performance.now();
  // Room for the grid's 4 runs at once from one client, and renders two at a time.
  const app = await startTestApp(parseServerEnv({}), {
    queueMs: options.queueMs,
    stepMs: options.stepMs,
    workers: 8,
    workersPerClient: GRID_CONCURRENCY,
    renderConcurrency: 2,
  });
  try {
    const calls = playgroundCalls(createPlaygroundFalClient(undefined, app.proxyUrl));
    const reference = await calls.uploadFile(
      new Blob([new Uint8Array(await makePng(640, 480))], { type: "image/png" }),
    );
    const base: EditInput = {
      prompt: "x",
      reference_image_urls: [reference],
      num_inference_steps: options.steps,
      output_format: "jpeg",
    };
    const plan = planGrid(base, "dev", {
      prompts: Array.from({ length: options.prompts }, (_, i) => `Variation ${i + 1}`),
      seeds: Array.from({ length: options.seeds }, (_, i) => 1000 + i),
      models: ["dev", "full"],
      sizes: [{ width: 2048, height: 2048 }],
    });
    // Full cells take Full's 50 steps: shortened like Dev's for the bench.
    const cells = plan.cells.map((cell) => ({
      ...cell,
      input: { ...cell.input, num_inference_steps: options.steps },
    }));

    const measure = async (
      mode: string,
      send: (engine: ReturnType<typeof createRunEngine>) => Promise<void>,
    ) => {
      let inFlight = 0;
      let most = 0;
      const list = memoryRuns();
      const engine = createRunEngine({
        fal: {
          async submit(input, endpointId) {
            inFlight++;
            most = Math.max(most, inFlight);
            return calls.submitEdit(input, endpointId);
          },
          async follow(requestId, onStatus, onWaiting) {
            try {
              return await followToResult(requestId, onStatus, onWaiting, calls);
            } finally {
              inFlight--;
            }
          },
          cancel: (requestId) => calls.cancelRun(requestId),
          toRunError,
        },
        history: noHistory,
        runs: list.runs,
      });
      app.demoBackend.seen.length = 0;
      const t0 = performance.now();
      await send(engine);
      const wallSeconds = (performance.now() - t0) / 1000;
      const seen = app.demoBackend.seen;
      const under = (path: string) => path.startsWith(`/${ENDPOINT_APP}/requests/`);
      return {
        mode,
        runs: cells.length,
        completed: list.all().filter((run) => run.phase === "completed").length,
        wallSeconds,
        statusCalls: seen.filter((r) => under(r.path) && /\/status(\/stream)?$/.test(r.path))
          .length,
        resultCalls: seen.filter((r) => under(r.path) && /\/requests\/[^/]+$/.test(r.path)).length,
        submitCalls: seen.filter(
          (r) => r.method === "POST" && !under(r.path) && !r.path.startsWith("/storage"),
        ).length,
        mostInFlight: most,
      };
    };

    const grid = await measure(`grid (${GRID_CONCURRENCY} in flight)`, async (engine) => {
      const ids: string[] = [];
      for (const cell of cells) ids.push(await engine.plan(cell.input, cell.model));
      await runBounded(ids, (id) => engine.runPlanned(id), { concurrency: GRID_CONCURRENCY });
    });
    const oneByOne = await measure("one by one", async (engine) => {
      for (const cell of cells) await engine.start(cell.input, cell.model);
    });
    return {
      name: "grid-runs",
      options,
      results: [grid, oneByOne],
      speedup: oneByOne.wallSeconds / grid.wallSeconds,
      notes: [
        `${cells.length} cells (${options.prompts} prompts × ${options.seeds} seeds × Dev and Full), each one 2048² JPEG, ${options.steps} steps of ${options.stepMs} ms after ${options.queueMs} ms in the queue, on the demo backend with 8 workers (4 for one client) and 2 renders at a time.`,
        "Status calls are counted where they arrive (the backend behind the proxy): one stream per run, reopened only if it closed early.",
      ],
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await app.close();
  }
}

export function formatGridRuns(result: GridRunsResult): string {
  return [
    `Grid runs: ${result.results[0]!.runs} runs, submit to last result`,
    "",
    table(
      ["mode", "done", "wall", "per run", "most in flight", "status calls", "per run", "results"],
      result.results.map((r) => [
        r.mode,
        `${r.completed}/${r.runs}`,
        `${r.wallSeconds.toFixed(1)} s`,
        `${((r.wallSeconds / r.runs) * 1000).toFixed(0)} ms`,
        String(r.mostInFlight),
        String(r.statusCalls),
        (r.statusCalls / r.runs).toFixed(2),
        String(r.resultCalls),
      ]),
      "left",
    ),
    "",
    `The grid finished ${result.speedup.toFixed(1)}× sooner than the same runs one by one.`,
    "",
    "Notes:",
    ...result.notes.map((note) => `- ${note}`),
  ].join("\n");
}

// `tsx --conditions=react-server bench/grid-runs.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatGridRuns(await benchGridRuns()));
}
