/**
 * A variation grid end to end on the real client, through the proxy, against the demo backend:
 * 12 cells (2 prompts × 3 seeds × Dev and Full) complete with 12 results, never more than the
 * bound in flight, and none is lost when the page "reloads" halfway (the first engine goes
 * silent; a second one, reading the same history, picks every cell up).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlaygroundFalClient, playgroundCalls } from "@/lib/fal/client";
import { toRunError } from "@/lib/fal/errors";
import { followToResult } from "@/lib/fal/follow";
import { planGrid } from "@/lib/grid/plan";
import { runBounded } from "@/lib/grid/runner";
import { isInFlight, type LogLine, type RunRecord } from "@/lib/history/run-record";
import { createRunEngine, type FalCalls, type Run, type RunList } from "@/lib/runs/engine";
import { parseServerEnv } from "@/lib/server-env";
import { makePng } from "../support/images";
import { startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let calls: ReturnType<typeof playgroundCalls>;

beforeAll(async () => {
  app = await startTestApp(parseServerEnv({}), { queueMs: 20, stepMs: 8, workers: 4 });
  calls = playgroundCalls(createPlaygroundFalClient(undefined, app.proxyUrl));
});
afterAll(() => app?.close());

/** fal for an engine, counting what is in flight, and able to go silent as a closed page does. */
function observedFal() {
  let inFlight = 0;
  let most = 0;
  let silent = false;
  const never = new Promise<never>(() => {});
  const fal: FalCalls = {
    async submit(input, endpointId) {
      if (silent) return never;
      inFlight++;
      most = Math.max(most, inFlight);
      return calls.submitEdit(input, endpointId);
    },
    async follow(requestId, onStatus, onWaiting) {
      if (silent) return never;
      try {
        return await followToResult(requestId, (s) => !silent && onStatus(s), onWaiting, calls);
      } finally {
        inFlight--;
      }
    },
    cancel: (requestId) => calls.cancelRun(requestId),
    toRunError,
  };
  return {
    fal,
    most: () => most,
    goSilent: () => {
      silent = true;
    },
  };
}

/** The history a page keeps (IndexedDB in the app), shared by both "page loads". */
function memoryHistory() {
  const runs = new Map<string, RunRecord>();
  const logs = new Map<string, LogLine[]>();
  return {
    runs,
    history: {
      saveRun: async (record: RunRecord) => void runs.set(record.id, structuredClone(record)),
      saveLogs: async (id: string, lines: LogLine[]) => void logs.set(id, lines),
      loadLogs: async (id: string) => logs.get(id) ?? [],
    },
  };
}

function runList(initial: Run[] = []) {
  let list = initial;
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

async function twelveCells(reference: string) {
  return planGrid(
    { prompt: "x", reference_image_urls: [reference], num_inference_steps: 4 },
    "dev",
    {
      prompts: ["a red door", "a blue door"],
      seeds: [11, 22, 33],
      models: ["dev", "full"],
      sizes: [{ width: 2048, height: 2048 }],
    },
  );
}

describe("a variation grid on the real client", () => {
  it("completes 12 cells with 12 results, never more than 4 in flight", async () => {
    const reference = await calls.uploadFile(
      new Blob([new Uint8Array(await makePng(320, 240))], { type: "image/png" }),
    );
    const plan = await twelveCells(reference);
    expect(plan.cells).toHaveLength(12);
    const observed = observedFal();
    const stored = memoryHistory();
    const list = runList();
    const engine = createRunEngine({ fal: observed.fal, history: stored.history, runs: list.runs });
    const grid = { id: "g", rows: plan.rows, cols: plan.cols };
    const ids: string[] = [];
    for (const cell of plan.cells)
      ids.push(
        await engine.plan(cell.input, cell.model, { ...grid, row: cell.row, col: cell.col }),
      );
    await runBounded(ids, (id) => engine.runPlanned(id), { concurrency: 4 });

    expect(observed.most()).toBeLessThanOrEqual(4);
    expect(observed.most()).toBeGreaterThan(1);
    const done = list.all().filter((run) => run.phase === "completed");
    expect(done).toHaveLength(12);
    expect(new Set(done.map((run) => run.output!.images[0]!.url)).size).toBe(12);
    const full = done.filter((run) => run.endpointId === "fal-ai/hidream-o1-image");
    expect(full).toHaveLength(6);
    expect(full.every((run) => run.input.num_inference_steps === 50)).toBe(true);
    expect(done.map((run) => run.output!.seed).sort()).toEqual([
      11, 11, 11, 11, 22, 22, 22, 22, 33, 33, 33, 33,
    ]);
  });

  it("loses no cell when the page goes away halfway and comes back", async () => {
    const reference = await calls.uploadFile(
      new Blob([new Uint8Array(await makePng(320, 240))], { type: "image/png" }),
    );
    const plan = await twelveCells(reference);
    const stored = memoryHistory();

    // The first page: plans every cell, sends some, then closes while they run.
    const first = observedFal();
    const page1 = runList();
    const engine1 = createRunEngine({ fal: first.fal, history: stored.history, runs: page1.runs });
    const ids: string[] = [];
    for (const cell of plan.cells) ids.push(await engine1.plan(cell.input, cell.model));
    void runBounded(ids, (id) => engine1.runPlanned(id), { concurrency: 4 });
    await expect
      .poll(() => [...stored.runs.values()].filter((r) => r.requestId).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(4);
    first.goSilent();
    const atReload = [...stored.runs.values()];
    expect(atReload.some((r) => r.phase === "planned")).toBe(true);

    // The second page: reads the history, follows what was sent, sends what was not.
    const second = observedFal();
    const page2 = runList(atReload.map((r) => ({ ...r, logs: [], logsLoaded: false })));
    const engine2 = createRunEngine({ fal: second.fal, history: stored.history, runs: page2.runs });
    const resumed = page2
      .all()
      .filter(isInFlight)
      .map((r) => engine2.resume(r.id));
    const planned = page2
      .all()
      .filter((r) => r.phase === "planned")
      .map((r) => r.id);
    await Promise.all([...resumed, runBounded(planned, (id) => engine2.runPlanned(id))]);

    const done = page2.all().filter((run) => run.phase === "completed");
    expect(done).toHaveLength(12);
    expect(page2.all().filter((run) => run.phase !== "completed")).toEqual([]);
  });
});
