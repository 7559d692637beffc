/**
 * Ten 24-MP camera JPEGs dropped at once on the real app (`next start` in demo mode, headless
 * Chromium): time from the drop to all ten ready (prepared and uploaded to the demo backend), the
 * main thread's long tasks meanwhile, the latency of typing in the prompt at a steady pace while
 * they prepare, the page's peak JS heap, and what is left once the ten are removed. Two paths side
 * by side, interleaved: "worker" (lib/images/prepare-pool.ts as shipped), "one file per worker"
 * (what it replaced), "two workers" and "main" (the same queue preparing on the main thread), the
 * last three through the bench-only PREPARE_SWITCH_KEY or a page told it has more cores.
 *
 * Each round is a fresh browser context: the page is loaded, two small PNGs are added and removed
 * first (so the workers exist, as after a user's first reference, and their createImageBitmap can
 * be counted), then the ten are chosen in the file input while Playwright types into the prompt.
 * Everything is measured in the page by an init script (long tasks, long animation frames, each
 * key press from its event's timestamp to the end of the frame that shows it, object URLs created
 * and revoked, bitmaps created and closed); the JS heap and the browser's resident memory are
 * sampled from outside (CDP Performance.getMetrics, /proc of each Chromium process).
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, CDPSession, Page } from "@playwright/test";
import { launchBenchBrowser } from "./browser";
import sharp from "sharp";
import { PREPARE_SWITCH_KEY } from "../lib/images/prepare-pool";
import {
  ensureBuild,
  killGroup,
  sleep,
  startServer,
  stopChild,
  undoPendingBuildEdits,
  type BuildReport,
} from "./next-app";
import { cameraJpegs } from "./camera-photos";
import { CPU_PARTS, cpuSpent, readCpu, type CpuReading } from "./cpu-time";
import { percentile, rotate } from "./stats";
import { table } from "./table";

export interface ReferenceBurstOptions {
  files: number;
  /** Measured rounds per path, after one unmeasured round of each. */
  rounds: number;
  /** One key press in the prompt this often while the files prepare. */
  typingIntervalMs: number;
  goals: { readyMs: number; longestTaskMs: number; typingP95Ms: number; heapMb: number };
  /** `next start` (the e2e suite uses 3310–3321). */
  port: number;
}

export const DEFAULT_BURST_OPTIONS: ReferenceBurstOptions = {
  files: 10,
  rounds: 3,
  typingIntervalMs: 50,
  goals: { readyMs: 3000, longestTaskMs: 100, typingP95Ms: 100, heapMb: 600 },
  port: 3560,
};

// "two workers": the shipped pool on a page told it has 3 cores, so poolSize picks two: what a
// second worker would buy on this 2-core machine.
// "one file per worker": the shipped pool giving its worker one file at a time, as before
// FILES_PER_WORKER.
const PATHS = ["worker", "one file per worker", "two workers", "main"] as const;
type PrepPath = (typeof PATHS)[number];
/** PREPARE_SWITCH_KEY's value for each path (lib/images/prepare-pool.ts reads it). */
const SWITCH: Record<PrepPath, string> = {
  worker: "",
  "one file per worker": "one-per-worker",
  "two workers": "",
  main: "main",
};
const CHROMIUM_ARGS = ["--enable-precise-memory-info"];
const CACHE_DIR = path.join(os.tmpdir(), "reference-burst-v1");
/**
 * Names each round's browser context as a client of its own (the server trusts it here through
 * TRUSTED_IP_HEADER): a round uploads twelve files, and the server allows 60 uploads per minute
 * per client, so on a fast machine a fifth round within the minute was refused.
 */
const CLIENT_HEADER = "x-bench-client";
const MB = 1024 * 1024;

/** One drop of the ten, as measured. */
export interface BurstRound {
  path: PrepPath;
  round: number;
  readyMs: number;
  longTasks: number[];
  /** Long animation frames' blocking time (ms over 50 per frame), the longest. */
  maxBlockingMs: number;
  typing: number[];
  peakHeapMb: number;
  peakBrowserRssMb: number;
  /** CPU seconds from the drop to all ready, by part (Linux only). */
  cpu: CpuReading;
  prepared: { width: number; height: number }[];
  after: {
    references: number;
    liveObjectUrls: number;
    openBitmapsPage: number;
    openBitmapsWorkers: number | null;
    heapMb: number;
    heapBeforeMb: number;
  };
}

export interface BurstPathSummary {
  rounds: number;
  readyMs: { p50: number; max: number };
  longestTaskMs: number;
  longTasksOver100: number;
  maxBlockingMs: number;
  typingMs: { count: number; p50: number; p95: number; max: number };
  /** p50 over rounds of CPU seconds by part, drop to all ready. */
  cpuSeconds: CpuReading;
  peakHeapMb: number;
  peakBrowserRssMb: number;
  leaks: { liveObjectUrls: number; openBitmaps: number; heapGrowthMb: number };
}

export interface ReferenceBurstResult {
  options: ReferenceBurstOptions;
  build: BuildReport;
  source: { files: number; meanBytes: number };
  summary: Record<PrepPath, BurstPathSummary>;
  goals: { definition: string; value: number; pass: boolean }[];
  pass: boolean;
  rounds: BurstRound[];
  notes: string[];
}

export async function benchReferenceBurst(
  options: ReferenceBurstOptions = DEFAULT_BURST_OPTIONS,
): Promise<ReferenceBurstResult> {
  const children = new Set<ChildProcess>();
  const dataDir = path.join(os.tmpdir(), `reference-burst-data-${process.pid}`);
  const stopAll = () => children.forEach((child) => killGroup(child, "SIGKILL"));
  const onSignal = (signal: NodeJS.Signals) => {
    stopAll();
    undoPendingBuildEdits();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("exit", stopAll);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let browser: Browser | undefined;
  try {
    const build = await ensureBuild(children, "Reference burst");
    const files = await photos(options.files);
    const small = await smallPngs();
    await mkdir(dataDir, { recursive: true });
    const origin = `http://127.0.0.1:${options.port}`;
    const server = await startServer(options.port, children, {
      DATA_DIR: dataDir,
      REDIS_URL: "",
      ACCESS_PASSWORD: "",
      DEMO_STORAGE_MB: "2000",
      TRUSTED_IP_HEADER: CLIENT_HEADER,
    });
    browser = await launchBenchBrowser(CHROMIUM_ARGS);
    const rounds: BurstRound[] = [];
    for (let round = 0; round <= options.rounds; round++) {
      const order = rotate(PATHS, round);
      for (const prepPath of order) {
        const measured = await dropTen(
          browser,
          { origin, serverGroup: server.group },
          prepPath,
          round,
          files,
          small,
          options,
        );
        if (round > 0) rounds.push(measured);
      }
    }
    const summary = Object.fromEntries(
      PATHS.map((p) => [p, summarizePath(rounds.filter((r) => r.path === p))]),
    ) as Record<PrepPath, BurstPathSummary>;
    const goals = judge(summary.worker, options);
    const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
    return {
      options,
      build,
      source: { files: files.length, meanBytes: sizes.reduce((a, b) => a + b, 0) / sizes.length },
      summary,
      goals,
      pass: goals.every((g) => g.pass),
      rounds,
      notes: NOTES,
    };
  } finally {
    await browser?.close().catch(() => {});
    await Promise.all([...children].map((child) => stopChild(child)));
    await rm(dataDir, { recursive: true, force: true });
    process.off("exit", stopAll);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** The ten photos, made once and kept in the OS temp folder (making them takes a while). */
async function photos(count: number): Promise<string[]> {
  const files = Array.from({ length: count }, (_, i) =>
    path.join(CACHE_DIR, `camera-${String(i + 1).padStart(2, "0")}.jpg`),
  );
  if (files.every((file) => existsSync(file))) return files;
  console.log(`Reference burst: making ${count} 24-MP camera JPEGs in ${CACHE_DIR} (once).`);
  await mkdir(CACHE_DIR, { recursive: true });
  const made = await cameraJpegs(count);
  await Promise.all(made.map((bytes, i) => writeFile(files[i]!, bytes)));
  return files;
}

async function smallPngs(): Promise<string[]> {
  await mkdir(CACHE_DIR, { recursive: true });
  const names = ["warm-1.png", "warm-2.png"];
  return Promise.all(
    names.map(async (name, i) => {
      const file = path.join(CACHE_DIR, name);
      const background = i ? "#0ea5e9" : "#f97316";
      const bytes = await sharp({ create: { width: 320, height: 240, channels: 3, background } })
        .png()
        .toBuffer();
      await writeFile(file, bytes);
      return file;
    }),
  );
}

// --- One round ------------------------------------------------------------------------------------

const list = (page: Page) =>
  page.getByRole("list", { name: "Reference images, in the order the model receives them" });

async function dropTen(
  browser: Browser,
  { origin, serverGroup }: { origin: string; serverGroup: number },
  prepPath: PrepPath,
  round: number,
  files: string[],
  small: string[],
  options: ReferenceBurstOptions,
): Promise<BurstRound> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    extraHTTPHeaders: { [CLIENT_HEADER]: `10.1.${round}.${PATHS.indexOf(prepPath)}` },
  });
  try {
    await context.addInitScript({ content: initScript(origin, prepPath) });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(origin);
    const prompt = page.getByRole("textbox", { name: "Prompt" });
    await prompt.waitFor();
    const input = page.getByLabel("Reference image files");

    // Warm-up: two small files, so the workers exist (and are counted) before the ten.
    await input.setInputFiles(small);
    await waitReady(page, small.length);
    await removeAll(page);
    const workers = page.workers();
    if (prepPath !== "main" && workers.length < 1)
      throw new Error("expected a preparation worker after the warm-up, found none");
    if (prepPath === "main" && workers.length > 0)
      throw new Error("the main-thread path started a worker: the switch did not take");
    await Promise.all(workers.map((worker) => worker.evaluate(WORKER_COUNTER)));

    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    const heapBefore = await heapMb(cdp);
    const browserCdp = await browser.newBrowserCDPSession();
    await page.evaluate("window.__burst.arm()");
    await prompt.click();

    const sampler = sampleMemory(cdp, browserCdp);
    const typing = typeSteadily(page, options.typingIntervalMs);
    let cpu: CpuReading;
    try {
      const cpuBefore = await readCpu(await browserProcesses(browserCdp), serverGroup);
      await input.setInputFiles(files);
      await waitReady(page, files.length, 120_000);
      cpu = cpuSpent(cpuBefore, await readCpu(await browserProcesses(browserCdp), serverGroup));
    } finally {
      typing.stop();
      await typing.done.catch(() => {});
    }
    const peaks = await sampler.stop();
    const measured = (await page.evaluate("window.__burst.report()")) as {
      readyMs: number;
      longTasks: number[];
      maxBlockingMs: number;
      typing: number[];
    };
    const prepared = await list(page)
      .getByRole("listitem")
      .evaluateAll((items) =>
        items.map((item) => ({
          width: Number(item.getAttribute("data-prepared-width")),
          height: Number(item.getAttribute("data-prepared-height")),
        })),
      );

    await removeAll(page);
    await sleep(500);
    await cdp.send("HeapProfiler.collectGarbage");
    const counts = (await page.evaluate("window.__burst.counts()")) as {
      liveObjectUrls: number;
      openBitmaps: number;
    };
    const workerCounts = await Promise.all(
      page
        .workers()
        .map(
          (worker) => worker.evaluate("self.__openBitmaps ?? 0").catch(() => 0) as Promise<number>,
        ),
    );
    const after = {
      references: await list(page)
        .getByRole("listitem")
        .count()
        .catch(() => 0),
      liveObjectUrls: counts.liveObjectUrls,
      openBitmapsPage: counts.openBitmaps,
      openBitmapsWorkers: prepPath !== "main" ? workerCounts.reduce((a, b) => a + b, 0) : null,
      heapMb: await heapMb(cdp),
      heapBeforeMb: heapBefore,
    };
    await browserCdp.detach();
    if (errors.length) throw new Error(`page errors (${prepPath}): ${errors.join("; ")}`);
    console.log(
      `Reference burst: ${prepPath} round ${round}: ready in ${measured.readyMs.toFixed(0)} ms, longest task ${Math.max(0, ...measured.longTasks).toFixed(0)} ms, typing p95 ${
        measured.typing.length
          ? percentile(
              [...measured.typing].sort((a, b) => a - b),
              95,
            ).toFixed(0)
          : "-"
      } ms (${measured.typing.length} keys)`,
    );
    return { path: prepPath, round, ...measured, ...peaks, cpu, prepared, after };
  } finally {
    await context.close();
  }
}

async function waitReady(page: Page, count: number, timeoutMs = 30_000) {
  const waited = page.waitForFunction(
    (n) => {
      const items = document.querySelectorAll("li[data-status]");
      return (
        items.length === n &&
        [...items].every((item) => item.getAttribute("data-status") === "ready")
      );
    },
    count,
    { timeout: timeoutMs, polling: 100 },
  );
  await waited.catch(async (error: unknown) => {
    const state = await page
      .evaluate(() => ({
        statuses: [...document.querySelectorAll("li[data-status]")].map((item) =>
          item.getAttribute("data-status"),
        ),
        notices: document.querySelector('[aria-label="Files not added"]')?.textContent,
      }))
      .catch(() => undefined);
    throw new Error(`${count} references not all ready: ${JSON.stringify(state)}`, {
      cause: error,
    });
  });
}

async function removeAll(page: Page) {
  const remove = page.getByRole("button", { name: "Remove reference 1", exact: true });
  while (await remove.count()) await remove.click();
}

async function heapMb(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return (metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0) / MB;
}

/** Chromium's processes, each with its id and type (browser, renderer, gpu-process, utility). */
async function browserProcesses(browserCdp: CDPSession): Promise<{ id: number; type: string }[]> {
  const info = (await browserCdp.send("SystemInfo.getProcessInfo")) as {
    processInfo: { id: number; type: string }[];
  };
  return info.processInfo;
}

/** Samples the page's JS heap and every Chromium process's resident memory until stopped. */
function sampleMemory(cdp: CDPSession, browserCdp: CDPSession) {
  let running = true;
  let peakHeapMb = 0;
  let peakBrowserRssMb = 0;
  const loop = (async () => {
    while (running) {
      peakHeapMb = Math.max(peakHeapMb, await heapMb(cdp).catch(() => 0));
      const processes = await browserProcesses(browserCdp).catch(() => []);
      const rss = await Promise.all(
        processes.map(async ({ id }) => {
          const status = await readFile(`/proc/${id}/status`, "utf8").catch(() => "");
          return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
        }),
      );
      peakBrowserRssMb = Math.max(
        peakBrowserRssMb,
        rss.reduce((a, b) => a + b, 0),
      );
      await sleep(100);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { peakHeapMb, peakBrowserRssMb };
    },
  };
}

/** Presses a key in the focused prompt every `intervalMs` (on a fixed schedule) until stopped. */
function typeSteadily(page: Page, intervalMs: number) {
  let running = true;
  const done = (async () => {
    const start = performance.now();
    for (let i = 0; running; i++) {
      const due = start + i * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      if (!running) break;
      await page.keyboard.press("a");
    }
  })();
  return { stop: () => (running = false), done };
}

/** Run in each worker after the warm-up: counts the bitmaps it creates and closes from then on. */
const WORKER_COUNTER = `(() => {
  if (self.__openBitmaps !== undefined) return;
  self.__openBitmaps = 0;
  const create = self.createImageBitmap;
  self.createImageBitmap = async function () {
    const bitmap = await create.apply(this, arguments);
    self.__openBitmaps++;
    const close = bitmap.close.bind(bitmap);
    let closed = false;
    bitmap.close = () => { if (!closed) { closed = true; self.__openBitmaps--; } close(); };
    return bitmap;
  };
})()`;

/**
 * The page's probes: the switch for this path; long tasks and long animation frames; object URLs
 * and bitmaps (counted from arm()); key presses from their event time to the end of the frame that
 * shows them; and the drop's timeline, from the file input's change event to all items "ready".
 */
function initScript(origin: string, prepPath: PrepPath) {
  return `(() => {
  if (location.origin !== ${JSON.stringify(origin)} || window.top !== window) return;
  try { localStorage.setItem(${JSON.stringify(PREPARE_SWITCH_KEY)}, ${JSON.stringify(SWITCH[prepPath])}); } catch {}
  ${prepPath === "two workers" ? 'Object.defineProperty(Navigator.prototype, "hardwareConcurrency", { get: () => 3 });' : ""}
  const b = { armed: false, change: null, ready: null, longTasks: [], frames: [], keys: [], urls: new Set(), openBitmaps: 0 };
  Object.defineProperty(window, "__burst", { value: b });
  const observe = (type, sink) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach(sink)).observe({ type, buffered: true }); } catch {}
  };
  observe("longtask", (e) => b.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe("long-animation-frame", (e) => b.frames.push({ start: e.startTime, blocking: e.blockingDuration }));

  const createUrl = URL.createObjectURL, revokeUrl = URL.revokeObjectURL;
  URL.createObjectURL = function (object) { const url = createUrl.call(URL, object); if (b.armed) b.urls.add(url); return url; };
  URL.revokeObjectURL = function (url) { b.urls.delete(url); return revokeUrl.call(URL, url); };
  const createBitmap = window.createImageBitmap;
  window.createImageBitmap = async function () {
    const bitmap = await createBitmap.apply(this, arguments);
    if (!b.armed) return bitmap;
    b.openBitmaps++;
    const close = bitmap.close.bind(bitmap);
    let closed = false;
    bitmap.close = () => { if (!closed) { closed = true; b.openBitmaps--; } close(); };
    return bitmap;
  };

  document.addEventListener("change", (e) => {
    if (b.armed && b.change === null && e.target instanceof HTMLInputElement && e.target.type === "file") b.change = performance.now();
  }, true);
  document.addEventListener("keydown", (e) => {
    if (!b.armed || b.change === null || b.ready !== null) return;
    const down = e.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => b.keys.push(performance.now() - down);
      channel.port2.postMessage(null);
    });
  }, true);
  const check = () => {
    if (!b.armed || b.change === null || b.ready !== null) return;
    const items = document.querySelectorAll("li[data-status]");
    if (items.length && [...items].every((i) => i.getAttribute("data-status") === "ready")) b.ready = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-status"], childList: true });

  b.arm = () => { b.armed = true; b.urls.clear(); b.openBitmaps = 0; };
  b.report = () => {
    const inWindow = (start) => start >= b.change && start <= b.ready;
    return {
      readyMs: b.ready - b.change,
      longTasks: b.longTasks.filter((t) => inWindow(t.start)).map((t) => t.duration),
      maxBlockingMs: Math.max(0, ...b.frames.filter((f) => inWindow(f.start)).map((f) => f.blocking)),
      typing: b.keys,
    };
  };
  b.counts = () => ({ liveObjectUrls: b.urls.size, openBitmaps: b.openBitmaps });
})();`;
}

// --- Summary --------------------------------------------------------------------------------------

function summarizePath(rounds: BurstRound[]): BurstPathSummary {
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const ready = sorted(rounds.map((r) => r.readyMs));
  const tasks = rounds.flatMap((r) => r.longTasks);
  const typing = sorted(rounds.flatMap((r) => r.typing));
  const max = (values: number[]) => Math.max(0, ...values);
  return {
    rounds: rounds.length,
    readyMs: { p50: percentile(ready, 50), max: max(ready) },
    longestTaskMs: max(tasks),
    longTasksOver100: tasks.filter((t) => t > 100).length,
    maxBlockingMs: max(rounds.map((r) => r.maxBlockingMs)),
    typingMs: typing.length
      ? {
          count: typing.length,
          p50: percentile(typing, 50),
          p95: percentile(typing, 95),
          max: max(typing),
        }
      : { count: 0, p50: 0, p95: 0, max: 0 },
    cpuSeconds: Object.fromEntries(
      CPU_PARTS.filter((part) => rounds.some((r) => r.cpu[part] !== undefined)).map((part) => [
        part,
        percentile(sorted(rounds.map((r) => r.cpu[part] ?? 0)), 50),
      ]),
    ),
    peakHeapMb: max(rounds.map((r) => r.peakHeapMb)),
    peakBrowserRssMb: max(rounds.map((r) => r.peakBrowserRssMb)),
    leaks: {
      liveObjectUrls: max(rounds.map((r) => r.after.liveObjectUrls)),
      openBitmaps: max(
        rounds.map((r) => r.after.openBitmapsPage + (r.after.openBitmapsWorkers ?? 0)),
      ),
      heapGrowthMb: max(rounds.map((r) => r.after.heapMb - r.after.heapBeforeMb)),
    },
  };
}

function judge(worker: BurstPathSummary, options: ReferenceBurstOptions) {
  const { goals, files } = options;
  const left = worker.leaks.liveObjectUrls + worker.leaks.openBitmaps;
  return [
    {
      definition: `${files} dropped at once, all ready (p50) <= ${goals.readyMs} ms`,
      value: worker.readyMs.p50,
      pass: worker.readyMs.p50 <= goals.readyMs,
    },
    {
      definition: `longest main-thread task while preparing <= ${goals.longestTaskMs} ms`,
      value: worker.longestTaskMs,
      pass: worker.longestTaskMs <= goals.longestTaskMs,
    },
    {
      definition: `typing latency while preparing, p95 <= ${goals.typingP95Ms} ms`,
      value: worker.typingMs.p95,
      pass: worker.typingMs.count > 0 && worker.typingMs.p95 <= goals.typingP95Ms,
    },
    {
      definition: `peak JS heap <= ${goals.heapMb} MB`,
      value: worker.peakHeapMb,
      pass: worker.peakHeapMb <= goals.heapMb,
    },
    {
      definition: "after removing them: object URLs and bitmaps left = 0",
      value: left,
      pass: left === 0,
    },
  ];
}

const NOTES = [
  "Ten different 24-MP camera JPEGs (6000×4000 stored, EXIF orientation 6, ~10 MB each; the single-drop bench's photo with a coloured disc each) chosen at once in the app's file input, as a drop hands them over. Ready = every reference's status is Ready: prepared (upright, ≤ 2048² pixels, JPEG) and uploaded through the app's proxy to the demo backend.",
  "worker = as shipped (lib/images/prepare-pool.ts: a queue in front of its module workers: one per core but one, so one on this 2-core machine, with FILES_PER_WORKER files in flight in each); one file per worker = the same with one at a time, as before (PREPARE_SWITCH_KEY one-per-worker); two workers = the same pool on a page told it has 3 cores (navigator.hardwareConcurrency), so it runs two; main = the same queue with preparation on the main thread (bench-only switch, PREPARE_SWITCH_KEY in localStorage). Each round is a fresh context; two small PNGs are added and removed first, so the workers exist (as after a first reference) and can be instrumented.",
  "Long tasks: PerformanceObserver longtask entries starting between the drop and all ready; blocking = the longest long-animation-frame blockingDuration. Typing: Playwright presses a key in the prompt every 50 ms throughout; each key from its event's timeStamp to the end of the frame showing it (rAF, then a message), history-load's method.",
  "Peak JS heap: CDP Performance.getMetrics JSHeapUsedSize of the page, sampled every 100 ms (the workers' own heaps are small and separate; decoded bitmaps live outside any JS heap, so the browser's resident memory, all its processes summed from /proc, is shown beside it).",
  "CPU: utime + stime from /proc between the drop and all ready. page thread = the renderer's main thread; workers = its DedicatedWorker threads; Chromium pools = its ThreadPool threads, where ImageDecoder's JPEG decoding, image decoding for display and raster run; other Chromium = the renderer's other threads and the browser, GPU and utility processes; server = the app's next start (demo backend included), which a real deployment runs elsewhere.",
  "Leaks: after removing the ten (the Remove buttons) and a forced GC, object URLs created since the warm-up and not revoked (URL.createObjectURL/revokeObjectURL wrapped), and ImageBitmaps not closed (createImageBitmap wrapped in the page and in each worker).",
];

/** Where the cores went from the drop to all ready, p50 per path; nothing off Linux. */
function cpuTable(result: ReferenceBurstResult): string[] {
  const parts = CPU_PARTS.filter((part) =>
    PATHS.some((p) => result.summary[p].cpuSeconds[part] !== undefined),
  );
  if (parts.length === 0) return [];
  return [
    "",
    "CPU seconds from the drop to all ready (p50 of rounds; /proc, per thread)",
    table(
      ["path", ...parts, "total"],
      PATHS.map((p) => {
        // The main-thread path has no workers: nothing spent there.
        const spent = parts.map((part) => result.summary[p].cpuSeconds[part] ?? 0);
        return [p, ...spent.map((v) => v.toFixed(2)), spent.reduce((a, b) => a + b, 0).toFixed(2)];
      }),
      "left",
    ),
  ];
}

/** The result as plain-text tables, for the terminal. */
export function formatReferenceBurst(result: ReferenceBurstResult): string {
  const ms = (v: number) => v.toFixed(0);
  const mb = (v: number) => `${v.toFixed(0)} MB`;
  const rows = PATHS.map((p) => {
    const s = result.summary[p];
    return [
      p,
      `${ms(s.readyMs.p50)} (max ${ms(s.readyMs.max)})`,
      `${ms(s.longestTaskMs)} (${s.longTasksOver100} > 100)`,
      ms(s.maxBlockingMs),
      `${ms(s.typingMs.p50)} / ${ms(s.typingMs.p95)} / ${ms(s.typingMs.max)} (${s.typingMs.count})`,
      mb(s.peakHeapMb),
      mb(s.peakBrowserRssMb),
      `${s.leaks.liveObjectUrls} / ${s.leaks.openBitmaps} / ${s.leaks.heapGrowthMb.toFixed(1)} MB`,
    ];
  });
  return [
    `Ten at once: ${result.source.files} camera JPEGs of 24 MP (${(result.source.meanBytes / 1e6).toFixed(1)} MB each) dropped on / (next start, demo mode), ${result.options.rounds} rounds per path, interleaved`,
    table(
      [
        "path",
        "all ready ms",
        "longest task ms",
        "LoAF blocking",
        "typing p50/p95/max ms",
        "peak JS heap",
        "browser RSS",
        "left: URLs / bitmaps / heap",
      ],
      rows,
      "left",
    ),
    ...cpuTable(result),
    "",
    table(
      ["goal (worker path)", "value", "verdict"],
      result.goals.map((g) => [g.definition, g.value.toFixed(0), g.pass ? "PASS" : "FAIL"]),
      "left",
    ),
    ...result.notes.map((note) => `- ${note}`),
  ].join("\n");
}
