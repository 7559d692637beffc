/**
 * History load: how long the playground takes to become interactive, and how fast the prompt
 * answers typing, with 1,000 and 10,000 stored runs against none, in headless Chromium against
 * the production build (`next start`, demo mode).
 *
 * Each case has its own persistent browser profile. The profiles with runs are seeded once through
 * raw IndexedDB with the app's exact schema (database "hidream-playground" v2: "runs" keyed by id
 * with a "submittedAt" index, "logs" keyed by runId; the app upgrades it on its first load):
 * finished runs with realistic prompts, references, outputs and a 200-line log tail each. Then
 * the profiles load the page in turns, a fresh tab per load, so drift in machine load hits all
 * alike.
 *
 * Everything is measured from outside the app: an init script (run before any of the page's
 * scripts) records long tasks, long animation frames, when the history first shows, the
 * IndexedDB calls (by wrapping IDBFactory.open and getAll), the latency of a click and a key
 * press in the prompt, then of each key of a sentence typed right after. Nothing under lib/ or
 * components/ carries bench code.
 */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { launchBenchPersistentContext } from "./browser";
import {
  BUILD_INPUTS,
  DIST_DIR,
  ensureBuild,
  sleep,
  startServer,
  type BuildReport,
  benchResources,
} from "./next-app";
import { percentile } from "./stats";
import { table, verdictAndNotes } from "./table";

export interface HistoryLoadOptions {
  /** Runs stored, one case each; the first (0) is the baseline the others are compared with. */
  histories: number[];
  /** Log lines stored per run (the app keeps at most 200). */
  logLines: number;
  /** Measured loads per case, after one unmeasured warm-up load each. */
  loads: number;
  /** Goal: TTI with each history at most this many times TTI with none, at p50. */
  goalRatio: number;
  /** Typed into the prompt one key at a time right after the first key press (40 characters). */
  typed: string;
  /** Playwright's delay per key press (between its keydown and keyup): a fast typist's pace. */
  keyDelayMs: number;
  /** Goal: key press to the frame showing it, p95 over every typed key, with the largest history. */
  typingGoalMs: number;
  /** TTI: the main thread must stay free of long tasks for this long after the content... */
  quietMs: number;
  /** ...looking at long tasks that start at most this long after the content showed. */
  windowMs: number;
  /** Pause before each load, so the previous tab's teardown does not overlap it. */
  settleMs: number;
  /** Port for `next start` (the e2e suite uses 3310–3319). */
  port: number;
}

export const DEFAULT_OPTIONS: HistoryLoadOptions = {
  histories: [0, 1000, 10_000],
  logLines: 200,
  loads: Number(process.env.BENCH_HISTORY_LOADS) || 9,
  goalRatio: 1.3,
  typed: "a watercolor postcard of a quiet harbour",
  keyDelayMs: 60,
  typingGoalMs: 50,
  quietMs: 500,
  windowMs: 2000,
  settleMs: 300,
  // Overridable so two worktrees can run the bench at once.
  port: Number(process.env.BENCH_HISTORY_PORT) || 3400,
};

/** A case is the number of stored runs, as a key of the result's records. */
type Case = string;
const caseLabel = (runs: number) => `${runs.toLocaleString("en")} runs`;

const COMPOSER_STORAGE_KEY = "hidream-playground/composer";
/** Cards rendered at first (components/runs/run-list.tsx, FIRST_PAGE). */
const FIRST_PAGE_CARDS = 4;
// Exact heap numbers (otherwise performance.memory is bucketed) and gc() to read the heap the page
// keeps.
const CHROMIUM_ARGS = ["--enable-precise-memory-info", "--js-flags=--expose-gc"];
const CONTENT_TIMEOUT_MS = 30_000;

interface Span {
  start: number;
  duration: number;
}

interface FrameScript {
  invoker: string;
  invokerType: string;
  source: string;
  duration: number;
  forcedStyleAndLayout: number;
}

interface Frame extends Span {
  blocking: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: FrameScript[];
}

interface IdbCall {
  store: string;
  start: number;
  /** When the success event fired. */
  success: number;
  /** After reading `request.result` (the values are deserialized by then). */
  end: number;
  count: number;
}

/** What the init script saw in one page load; times in ms from navigation start. */
interface PageRecord {
  content: { kind: "card" | "empty"; dom: number; painted: number };
  input: { down: number; inputAt: number; painted: number; value: string };
  /** Each typed key after the first: its keydown's timestamp to the end of the frame showing it. */
  keys: { down: number; painted: number }[];
  /** Event Timing's keydown entries in the prompt (reported from 16 ms up): their durations. */
  eventTimingKeys: number[];
  longTasks: Span[];
  frames: Frame[];
  idb: { open: { start: number; end: number }[]; getAll: IdbCall[] };
  fcp: number | null;
  nav: { responseStart: number; responseEnd: number; domContentLoaded: number } | null;
  heapBytes: number | null;
  cards: number;
  heading: string;
}

/** One measured load. Times in ms from navigation start unless named as a duration. */
export interface Load {
  case: Case;
  runs: number;
  round: number;
  /** The end of the first frame that shows the history (first card, or "No runs yet"). */
  renderedMs: number;
  ttiMs: number;
  /** The part that depends on the history: from the app opening the database to the render. */
  historyAfterHydrationMs: number | null;
  /** From the click's pointerdown to the end of the frame showing the typed character. */
  inputLatencyMs: number;
  /** The same, as Playwright saw it: click, type, until the page reported the new value. */
  inputWallMs: number;
  /** When the list's heading first counted every stored run (polled every 50 ms). */
  wholeHistoryMs: number | null;
  /** Each key typed after the first, keydown to the end of the frame showing it. */
  keyLatenciesMs: number[];
  typingP95Ms: number;
  /** Key presses Event Timing measured at 50 ms or more (a cross-check of the method above). */
  slowKeysByEventTiming: number;
  longTasks: number;
  longTaskMs: number;
  longTasksAfterContent: number;
  heapMb: number | null;
  fcpMs: number | null;
  responseEndMs: number | null;
  /** Hydrated: when the app opened the database (StoreHydration's effect). */
  idbOpenStartMs: number | null;
  idbOpenMs: number | null;
  idbOpenEndMs: number | null;
  idbReadStartMs: number | null;
  idbReadEndMs: number | null;
  /** getAll of the runs, from the call to having the values (deserialized). */
  idbReadMs: number | null;
  /** Of which reading `request.result` in the success event (deserializing the values). */
  idbDeserializeMs: number | null;
  idbRecords: number | null;
  /** Main-thread time until TTI, from long animation frames. */
  scriptMs: number;
  styleLayoutMs: number;
  scripts: Record<string, number>;
  pageErrors: string[];
}

interface Timing {
  p50: number;
  min: number;
  max: number;
}

const METRICS = [
  ["renderedMs", "history rendered (ms)"],
  ["ttiMs", "TTI (ms)"],
  ["wholeHistoryMs", "whole history counted (ms)"],
  ["historyAfterHydrationMs", "hydrated to history rendered (ms)"],
  ["inputLatencyMs", "input latency, first key (ms)"],
  ["typingP95Ms", "typing latency p95 of a load (ms)"],
  ["slowKeysByEventTiming", "keys >= 50 ms by Event Timing (count)"],
  ["longTasks", "long tasks until TTI (count)"],
  ["longTaskMs", "long tasks until TTI (total ms)"],
  ["heapMb", "JS heap used after GC (MB)"],
  ["idbOpenMs", "IndexedDB open (ms)"],
  ["idbReadMs", "IndexedDB read of runs (ms)"],
  ["scriptMs", "script until TTI (ms, LoAF)"],
  ["styleLayoutMs", "style+layout until TTI (ms, LoAF)"],
] as const;
type Metric = (typeof METRICS)[number][0];

const diff = (to: number | null, from: number | null) =>
  to === null || from === null ? null : to - from;

/** A load cut into consecutive steps; each one's p50 is reported, so a regression shows where. */
const STEPS: readonly { step: string; of: (load: Load) => number | null; cause?: string }[] = [
  { step: "to HTML", of: (l) => l.responseEndMs },
  { step: "HTML to hydrated", of: (l) => diff(l.idbOpenStartMs, l.responseEndMs) },
  {
    step: "db open",
    of: (l) => diff(l.idbOpenEndMs, l.idbOpenStartMs),
    cause: "the browser opening a larger database (IndexedDB open, before any read)",
  },
  {
    step: "open to rendered",
    of: (l) => diff(l.renderedMs, l.idbOpenEndMs),
    cause:
      "reading the first page of runs (lib/history/history-db.ts loadRunsPage) and rendering its cards (components/runs/run-list.tsx)",
  },
  {
    step: "rendered to TTI",
    of: (l) => l.ttiMs - l.renderedMs,
    cause: "long tasks after the history shows (see the script table)",
  },
];

export interface HistoryLoadResult {
  name: "history-load";
  options: HistoryLoadOptions;
  browser: string;
  build: { rebuilt: boolean; reason: string; seconds: number };
  browserBuild: string;
  /** One entry per history with runs. */
  seeded: Seeded[];
  summary: Record<Case, Record<Metric, Timing | null>>;
  /** p50 of each step's duration per case (see STEPS). */
  steps: Record<Case, { step: string; p50Ms: number | null }[]>;
  /** Script time until TTI by source, p50 per load, the largest first. */
  topScripts: Record<Case, { script: string; p50Ms: number }[]>;
  /** TTI per history with runs, against none. */
  goals: {
    runs: number;
    definition: string;
    ratio: number;
    pass: boolean;
    /** p50 hydrated-to-rendered with the history minus without: what the history adds. */
    historyCostMs: number;
    /** The TTI without history at which that cost is exactly the allowed ratio. */
    breakEvenTtiMs: number;
  }[];
  /** Typing latency, p95 over every typed key of every load of a case, per case. */
  typing: { runs: number; keys: number; p95Ms: number; maxMs: number }[];
  typingGoal: { definition: string; p95Ms: number; pass: boolean };
  pass: boolean;
  loads: Load[];
  notes: string[];
  durationSeconds: number;
}

export async function benchHistoryLoad(
  options: HistoryLoadOptions = DEFAULT_OPTIONS,
): Promise<HistoryLoadResult> {
  const started = performance.now();
  const { children, dirs, release } = benchResources();
  const contexts: BrowserContext[] = [];
  try {
    const build = await ensureBuild(children, "History load");
    const url = `http://127.0.0.1:${options.port}`;
    const server = await startServer(options.port, children);

    const launch = async (kind: string) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), `history-load-${kind}-`));
      dirs.push(dir);
      const context = await launchBenchPersistentContext(dir, CHROMIUM_ARGS, {
        viewport: { width: 1280, height: 800 },
      });
      contexts.push(context);
      await context.addInitScript({ content: initScript(url) });
      return context;
    };
    const cases = options.histories;
    const byCase = new Map<number, BrowserContext>();
    const seeded: Seeded[] = [];
    for (const runs of cases) {
      const context = await launch(String(runs));
      byCase.set(runs, context);
      if (runs > 0) seeded.push(await seed(context, url, runs, options));
    }
    const browserBuild = await chromiumBuild(byCase.get(cases[0]!)!);

    const loads: Load[] = [];
    for (let round = 0; round <= options.loads; round++) {
      // Each round starts with a different case, so no case always follows the same one.
      const shift = round % cases.length;
      const order = [...cases.slice(shift), ...cases.slice(0, shift)];
      for (const runs of order) {
        // Let the last tab's teardown (and its browser's storage work) finish first.
        await sleep(options.settleMs);
        const load = await measureLoad(byCase.get(runs)!, url, runs, round, options);
        if (round > 0) loads.push(load);
      }
    }
    await server.stop();
    const errors = [...new Set(loads.flatMap((l) => l.pageErrors))];
    if (errors.length) throw new Error(`the page threw while loading:\n${errors.join("\n")}`);

    const summary = summarize(loads, cases);
    const none = summary[String(cases[0])]!;
    const goals = cases.slice(1).map((runs) => {
      const full = summary[String(runs)]!;
      const ratio = (full.ttiMs?.p50 ?? NaN) / (none.ttiMs?.p50 ?? NaN);
      const historyCostMs =
        (full.historyAfterHydrationMs?.p50 ?? NaN) - (none.historyAfterHydrationMs?.p50 ?? NaN);
      return {
        runs,
        definition: `TTI with ${caseLabel(runs)} <= ${options.goalRatio}× TTI with none (p50)`,
        ratio,
        pass: ratio <= options.goalRatio,
        historyCostMs,
        breakEvenTtiMs: historyCostMs / (options.goalRatio - 1),
      };
    });
    const typing = cases.map((runs) => {
      const keys = loads
        .filter((l) => l.runs === runs)
        .flatMap((l) => l.keyLatenciesMs)
        .sort((a, b) => a - b);
      return { runs, keys: keys.length, p95Ms: percentile(keys, 95), maxMs: keys.at(-1)! };
    });
    const largest = typing.at(-1)!;
    const typingGoal = {
      definition: `typing latency with ${caseLabel(largest.runs)} <= ${options.typingGoalMs} ms (p95 of every key typed)`,
      p95Ms: largest.p95Ms,
      pass: largest.p95Ms <= options.typingGoalMs,
    };
    return {
      name: "history-load",
      options,
      browser: `Chromium ${browserBuild} (headless)`,
      browserBuild,
      build,
      seeded,
      summary,
      steps: steps(loads, cases),
      topScripts: topScripts(loads, cases),
      goals,
      typing,
      typingGoal,
      pass: goals.every((g) => g.pass) && typingGoal.pass,
      loads,
      notes: notes(options, build),
      // The one-time build is reported in `build`, not here.
      durationSeconds: (performance.now() - started) / 1000 - build.seconds,
    };
  } finally {
    await Promise.all(contexts.map((context) => context.close().catch(() => {})));
    await release();
  }
}

// --- Seeding --------------------------------------------------------------------------------------

interface Seeded {
  runs: number;
  logs: number;
  logLines: number;
  seconds: number;
  promptChars: Timing;
}

/** The browser's own build: the user agent says 156.0.0.0 (reduced). */
async function chromiumBuild(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    const { product } = await session.send("Browser.getVersion");
    await session.detach();
    return product.replace(/^\D*\//, "");
  } finally {
    await page.close();
  }
}

/** Writes `count` runs and their logs into a profile's IndexedDB, from a page of the origin. */
async function seed(
  context: BrowserContext,
  url: string,
  count: number,
  options: HistoryLoadOptions,
): Promise<Seeded> {
  const started = performance.now();
  const page = await context.newPage();
  try {
    // Not the app itself, so the app never sees a half-written history.
    await page.goto(`${url}/icon.svg`);
    const result = (await page.evaluate(
      seedScript({ count, logLines: options.logLines, origin: url, now: Date.now() }),
    )) as { runs: number; logs: number; logLines: number; promptLengths: number[] };
    if (result.runs !== count || result.logs !== count)
      throw new Error(`seeding stored ${result.runs} runs and ${result.logs} logs`);
    const lengths = [...result.promptLengths].sort((a, b) => a - b);
    return {
      runs: result.runs,
      logs: result.logs,
      logLines: result.logLines,
      seconds: (performance.now() - started) / 1000,
      promptChars: { p50: percentile(lengths, 50), min: lengths[0]!, max: lengths.at(-1)! },
    };
  } finally {
    await page.close();
  }
}

/**
 * The seeding code, run in the page. Plain JavaScript in a string: functions handed to
 * page.evaluate would carry tsx's helpers into the page. Deterministic (seeded PRNG).
 */
function seedScript(params: { count: number; logLines: number; origin: string; now: number }) {
  return `(async (params) => {
  const { count, logLines, origin, now } = params;
  let state = 0x2f6b1d;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const hex = (n) => Array.from({ length: n }, () => int(0, 15).toString(16)).join("");
  const uuid = () => hex(8) + "-" + hex(4) + "-4" + hex(3) + "-" + pick(["8", "9", "a", "b"]) + hex(3) + "-" + hex(12);

  const openers = ["Turn image 1 into", "Make the scene in image 1", "Place the subject of image 1 in", "Repaint image 1 as",
    "Combine image 1 and image 2 into", "Change the jacket in image 1 to", "Put the product from image 1 on", "Relight image 1 as",
    "Replace the sky in image 1 with", "Restyle the room in image 1 as"];
  const subjects = ["a watercolor postcard", "a rainy Tokyo street at night", "a 1970s film photograph", "a sunlit Scandinavian kitchen",
    "a marble table with soft shadows", "a red leather jacket", "golden hour on a beach", "a snowy mountain cabin",
    "a studio portrait on seamless grey", "a children's book illustration", "a neon-lit cyberpunk alley", "an oil painting in the style of the Dutch masters"];
  const details = ["keep the face and pose unchanged", "soft diffuse light from the left", "shallow depth of field", "muted teal and orange palette",
    "add light film grain", "keep the logo legible", "reflections on wet pavement", "the person from image 2 standing on the right",
    "warm tungsten practicals in the background", "crisp product edges", "overcast sky", "subtle vignette", "no text", "8k detail"];
  const prompt = () => {
    const target = int(40, 200);
    let text = pick(openers) + " " + pick(subjects);
    while (text.length < target) text += ", " + pick(details);
    if (text.length > 199) text = text.slice(0, 199).replace(/[ ,]+[^ ,]*$/, "");
    return text + ".";
  };
  const sizes = [
    ["square_hd", 1024, 1024], ["portrait_4_3", 768, 1024], ["landscape_4_3", 1024, 768],
    ["landscape_16_9", 1024, 576], ["portrait_16_9", 576, 1024], [null, 2048, 2048], [null, 1536, 1024],
  ];
  const formats = [["png", "image/png"], ["jpeg", "image/jpeg"], ["webp", "image/webp"]];

  const runs = [];
  for (let i = 0; i < count; i++) {
    const [preset, width, height] = pick(sizes);
    const [format, contentType] = pick(formats);
    const numImages = int(1, 4);
    const references = Array.from({ length: int(1, 3) }, () => origin + "/icon.svg?reference=" + int(1, 400));
    const seed = int(0, 4294967295);
    const text = prompt();
    const submittedAt = now - int(60000, 30 * 86400000);
    const startedAt = submittedAt + int(300, 20000);
    const inference = Math.round((6 + random() * 10) * numImages * 1000) / 1000;
    const completedAt = startedAt + Math.round(inference * 1000) + int(400, 3000);
    const requestId = uuid();
    runs.push({
      id: uuid(),
      requestId,
      input: {
        prompt: text,
        reference_image_urls: references,
        image_size: preset ?? { width, height },
        num_inference_steps: 28,
        guidance_scale: pick([0, 0, 3.5, 5]),
        seed: random() < 0.3 ? seed : undefined,
        num_images: numImages,
        output_format: format,
        sync_mode: false,
        enable_safety_checker: true,
        keep_original_aspect: random() < 0.2,
      },
      phase: "completed",
      output: {
        images: Array.from({ length: numImages }, (_, k) => ({
          url: origin + "/icon.svg?run=" + requestId + "&image=" + k,
          content_type: contentType,
          file_name: uuid() + "." + format,
          file_size: Math.round(width * height * (format === "png" ? 1.6 : 0.25) * (0.7 + random() * 0.6)),
          width,
          height,
        })),
        seed,
        has_nsfw_concepts: Array.from({ length: numImages }, () => random() < 0.02),
        prompt: text,
        timings: { inference },
      },
      submittedAt,
      startedAt,
      completedAt,
    });
  }
  const logsOf = (run) => {
    const span = run.completedAt - run.startedAt;
    const n = run.input.num_images;
    const head = [
      "Loading HiDream-O1 weights (cached)",
      "Fetching " + run.input.reference_image_urls.length + " reference image(s)",
      "Encoding prompt (" + run.input.prompt.length + " chars)",
      "Generating " + n + " image(s) at " + run.output.images[0].width + "x" + run.output.images[0].height,
    ];
    return Array.from({ length: logLines }, (_, j) => ({
      message: j < head.length ? head[j] : "Step " + (((j - head.length) % 28) + 1) + "/28",
      level: "INFO",
      timestamp: new Date(run.startedAt + Math.floor((span * j) / logLines)).toISOString(),
    }));
  };

  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("hidream-playground", 2);
    request.onupgradeneeded = (event) => {
      const database = request.result;
      if (event.oldVersion < 1) {
        database.createObjectStore("runs", { keyPath: "id" }).createIndex("submittedAt", "submittedAt");
        database.createObjectStore("logs", { keyPath: "runId" });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const write = (stores, fill) => new Promise((resolve, reject) => {
    const tx = db.transaction(stores, "readwrite");
    fill(tx);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  await write(["runs", "logs"], (tx) => {
    tx.objectStore("runs").clear();
    tx.objectStore("logs").clear();
    for (const run of runs) tx.objectStore("runs").put(run);
  });
  for (let from = 0; from < runs.length; from += 250) {
    await write(["logs"], (tx) => {
      for (const run of runs.slice(from, from + 250)) tx.objectStore("logs").put({ runId: run.id, lines: logsOf(run) });
    });
  }
  const countOf = (store) => new Promise((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).count();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const result = { runs: await countOf("runs"), logs: await countOf("logs"), logLines: runs.length * logLines,
    promptLengths: runs.map((run) => run.input.prompt.length) };
  db.close();
  return result;
})(${JSON.stringify(params)})`;
}

// --- Measuring ------------------------------------------------------------------------------------

/**
 * Runs in every document of the origin before its own scripts. Records, in ms from navigation
 * start: long tasks and long animation frames; the first frame that shows the history (a run
 * card, or "No runs yet" once the history was read); the app's IndexedDB open and getAll calls;
 * and the first click-and-type into a textarea, from pointerdown to the frame with the new
 * value. The saved composer is dropped first, so every load starts with an empty prompt.
 */
function initScript(origin: string) {
  return `(() => {
  if (location.origin !== ${JSON.stringify(origin)} || window.top !== window || document.contentType !== "text/html") return;
  try { localStorage.removeItem(${JSON.stringify(COMPOSER_STORAGE_KEY)}); } catch {}
  const hl = { longTasks: [], frames: [], idb: { open: [], getAll: [] }, fcp: null, keys: [], eventTimingKeys: [] };
  Object.defineProperty(window, "__historyLoad", { value: hl });
  const observe = (type, sink) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(sink)).observe({ type, buffered: true });
    } catch {}
  };
  observe("longtask", (e) => hl.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe("long-animation-frame", (e) => hl.frames.push({
    start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
    renderStart: e.renderStart, styleAndLayoutStart: e.styleAndLayoutStart,
    scripts: e.scripts.map((s) => ({
      invoker: s.invoker, invokerType: s.invokerType,
      source: (s.sourceURL.split("/").pop() || "(inline)") + (s.sourceFunctionName ? " " + s.sourceFunctionName : ""),
      duration: s.duration, forcedStyleAndLayout: s.forcedStyleAndLayoutDuration,
    })),
  }));
  observe("paint", (e) => { if (e.name === "first-contentful-paint") hl.fcp = e.startTime; });
  try {
    new PerformanceObserver((list) => list.getEntries().forEach((e) => {
      if (e.name === "keydown" && e.target instanceof HTMLTextAreaElement) hl.eventTimingKeys.push(e.duration);
    })).observe({ type: "event", durationThreshold: 16, buffered: true });
  } catch {}

  const afterFrame = (done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });

  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name) {
    const request = open.apply(this, arguments);
    if (name === "hidream-playground") {
      const start = performance.now();
      request.addEventListener("success", () => hl.idb.open.push({ start, end: performance.now() }));
    }
    return request;
  };
  for (const proto of [IDBIndex.prototype, IDBObjectStore.prototype]) {
    const getAll = proto.getAll;
    proto.getAll = function () {
      const request = getAll.apply(this, arguments);
      const start = performance.now();
      const store = this instanceof IDBIndex ? this.objectStore.name + "." + this.name : this.name;
      request.addEventListener("success", () => {
        const success = performance.now();
        const count = request.result.length;
        hl.idb.getAll.push({ store, start, success, end: performance.now(), count });
      });
      return request;
    };
  }

  hl.content = new Promise((resolve) => {
    let found = false;
    const check = () => {
      if (found) return;
      const card = document.querySelector('[aria-label^="Run: "]');
      const empty = !card && Array.from(document.querySelectorAll('section[aria-label="Runs"] h2'))
        .some((h) => h.textContent === "No runs yet");
      if (!card && !empty) return;
      found = true;
      observer.disconnect();
      const dom = performance.now();
      afterFrame((painted) => resolve({ kind: card ? "card" : "empty", dom, painted }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });

  hl.typed = new Promise((resolve) => {
    let down;
    document.addEventListener("pointerdown", (e) => {
      if (down === undefined && e.target instanceof HTMLTextAreaElement) down = e.timeStamp;
    }, true);
    const onInput = (e) => {
      if (down === undefined || !(e.target instanceof HTMLTextAreaElement)) return;
      document.removeEventListener("input", onInput, true);
      const inputAt = performance.now();
      const box = e.target;
      afterFrame((painted) => {
        resolve({ down, inputAt, painted, value: box.value });
        trackKeys();
      });
    };
    document.addEventListener("input", onInput, true);
  });
  // After the first key: every key typed into the prompt, keydown to the frame showing it.
  const trackKeys = () => {
    const pending = [];
    document.addEventListener("keydown", (e) => {
      if (e.target instanceof HTMLTextAreaElement) pending.push(e.timeStamp);
    }, true);
    document.addEventListener("input", (e) => {
      if (!(e.target instanceof HTMLTextAreaElement) || pending.length === 0) return;
      const down = pending.shift();
      afterFrame((painted) => hl.keys.push({ down, painted }));
    }, true);
  };
})();`;
}

const COLLECT_SCRIPT = `(() => {
  const hl = window.__historyLoad;
  if (typeof window.gc === "function") window.gc();
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    longTasks: hl.longTasks, frames: hl.frames, idb: hl.idb, fcp: hl.fcp,
    keys: hl.keys, eventTimingKeys: hl.eventTimingKeys,
    nav: nav ? { responseStart: nav.responseStart, responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd } : null,
    heapBytes: performance.memory ? performance.memory.usedJSHeapSize : null,
    cards: document.querySelectorAll('[aria-label^="Run: "]').length,
    heading: Array.from(document.querySelectorAll('section[aria-label="Runs"] h2')).map((h) => h.textContent).join(" | "),
  };
})()`;

function withTimeout<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what()}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * TTI as defined in the notes: from the moment the history shows, each long task that starts
 * within `quietMs` of the current candidate moves it to that task's end; the first quiet gap of
 * `quietMs` ends the search, and so does `windowMs` after the content.
 */
function interactiveAt(content: number, tasks: readonly Span[], options: HistoryLoadOptions) {
  let tti = content;
  for (const task of [...tasks].sort((a, b) => a.start - b.start)) {
    const end = task.start + task.duration;
    if (end <= tti) continue;
    if (task.start >= tti + options.quietMs || task.start >= content + options.windowMs) break;
    tti = end;
  }
  return tti;
}

async function measureLoad(
  context: BrowserContext,
  url: string,
  runs: number,
  round: number,
  options: HistoryLoadOptions,
): Promise<Load> {
  const kind = caseLabel(runs);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  try {
    await page.goto(url, { waitUntil: "commit" });
    const content = (await withTimeout(
      page.evaluate("window.__historyLoad.content"),
      CONTENT_TIMEOUT_MS,
      () =>
        `${kind} load ${round}: the history never showed${pageErrors.length ? ` (page errors: ${pageErrors.join("; ")})` : ""}`,
    )) as PageRecord["content"];
    const expected = runs > 0 ? "card" : "empty";
    if (content.kind !== expected)
      throw new Error(
        `${kind} load ${round}: expected ${expected}, the page showed ${content.kind}`,
      );

    // (b) the page responds: click the prompt and type one character, right after the content.
    const wallStart = performance.now();
    await page.getByRole("textbox", { name: "Prompt", exact: true }).click();
    await page.keyboard.type("x");
    const input = (await withTimeout(
      page.evaluate("window.__historyLoad.typed"),
      CONTENT_TIMEOUT_MS,
      () => `${kind} load ${round}: typing into the prompt`,
    )) as PageRecord["input"];
    const inputWallMs = performance.now() - wallStart;
    if (!input.value.endsWith("x"))
      throw new Error(`${kind} load ${round}: the prompt shows "${input.value}" after typing "x"`);

    // (c) typing goes on: a sentence, one key at a time, while the rest of the history loads.
    await page.keyboard.type(options.typed, { delay: options.keyDelayMs });
    await withTimeout(
      page.waitForFunction(
        (count) =>
          (window as unknown as { __historyLoad: { keys: unknown[] } }).__historyLoad.keys.length >=
          count,
        options.typed.length,
      ),
      CONTENT_TIMEOUT_MS,
      () => `${kind} load ${round}: typing "${options.typed}"`,
    );

    // Watch until the TTI window is over: windowMs after the content, and quietMs past the TTI.
    for (;;) {
      const { now, longTasks } = (await page.evaluate(
        "({ now: performance.now(), longTasks: window.__historyLoad.longTasks })",
      )) as { now: number; longTasks: Span[] };
      const tti = interactiveAt(content.painted, longTasks, options);
      const until = Math.max(content.painted + options.windowMs, tti + options.quietMs);
      if (now >= until) break;
      await sleep(until - now + 20);
    }
    const heading = runs > 0 ? `(${runs})` : "No runs yet";
    // The whole history is counted (read in the background), before the heap is measured.
    const wholeHistoryMs = await page
      .waitForFunction(
        (text) =>
          Array.from(document.querySelectorAll('section[aria-label="Runs"] h2')).some((h) =>
            (h.textContent ?? "").replace(/,/g, "").includes(text),
          ),
        heading,
        { timeout: CONTENT_TIMEOUT_MS, polling: 50 },
      )
      .then(() => page.evaluate(() => performance.now()))
      .catch(() => null);
    const record = (await page.evaluate(COLLECT_SCRIPT)) as Omit<PageRecord, "content" | "input">;
    const cards = Math.min(FIRST_PAGE_CARDS, runs);
    const prompt = await page.getByRole("textbox", { name: "Prompt", exact: true }).inputValue();
    // At least the first page (the list may have grown past it by scrolling into view).
    if (
      record.cards < cards ||
      (runs === 0 && record.cards > 0) ||
      !record.heading.replace(/,/g, "").includes(heading) ||
      !prompt.endsWith(`x${options.typed}`)
    )
      throw new Error(
        `${kind} load ${round}: expected at least ${cards} cards under "${heading}" and the prompt to end with "x${options.typed}", got ${record.cards} under "${record.heading}" and "${prompt}"`,
      );
    return {
      ...toLoad(runs, round, { ...record, content, input }, inputWallMs, pageErrors, options),
      wholeHistoryMs,
    };
  } finally {
    await page.close();
  }
}

function toLoad(
  runs: number,
  round: number,
  record: PageRecord,
  inputWallMs: number,
  pageErrors: string[],
  options: HistoryLoadOptions,
): Load {
  const rendered = record.content.painted;
  const tti = interactiveAt(rendered, record.longTasks, options);
  const untilTti = record.longTasks.filter((t) => t.start < tti);
  const open = record.idb.open[0];
  const read = record.idb.getAll.find((call) => call.store === "runs.submittedAt");
  const frames = record.frames.filter((f) => f.start < tti);
  const scripts: Record<string, number> = {};
  let scriptMs = 0;
  let styleLayoutMs = 0;
  for (const frame of frames) {
    if (frame.styleAndLayoutStart > 0)
      styleLayoutMs += frame.start + frame.duration - frame.styleAndLayoutStart;
    for (const script of frame.scripts) {
      scriptMs += script.duration;
      // Script URLs shortened to the file name: chunk names differ between builds anyway.
      const invoker = script.invoker.replace(/^https?:\/\/\S*\//, "");
      const source = script.source === invoker ? "" : ` (${script.source})`;
      const key = `${script.invokerType} ${invoker}${source}`;
      scripts[key] = (scripts[key] ?? 0) + script.duration;
    }
  }
  const keyLatenciesMs = record.keys.map((k) => k.painted - k.down);
  return {
    wholeHistoryMs: null,
    case: String(runs),
    runs,
    round,
    renderedMs: rendered,
    ttiMs: tti,
    historyAfterHydrationMs: open ? rendered - open.start : null,
    inputLatencyMs: record.input.painted - record.input.down,
    inputWallMs,
    keyLatenciesMs,
    typingP95Ms: percentile(
      [...keyLatenciesMs].sort((a, b) => a - b),
      95,
    ),
    slowKeysByEventTiming: record.eventTimingKeys.filter((d) => d >= 50).length,
    longTasks: untilTti.length,
    longTaskMs: untilTti.reduce((sum, t) => sum + t.duration, 0),
    longTasksAfterContent: record.longTasks.filter((t) => t.start + t.duration > rendered).length,
    heapMb: record.heapBytes === null ? null : record.heapBytes / 1024 / 1024,
    fcpMs: record.fcp,
    responseEndMs: record.nav?.responseEnd ?? null,
    idbOpenStartMs: open?.start ?? null,
    idbOpenMs: open ? open.end - open.start : null,
    idbOpenEndMs: open?.end ?? null,
    idbReadStartMs: read?.start ?? null,
    idbReadEndMs: read?.end ?? null,
    idbReadMs: read ? read.end - read.start : null,
    idbDeserializeMs: read ? read.end - read.success : null,
    idbRecords: read?.count ?? null,
    scriptMs,
    styleLayoutMs,
    scripts,
    pageErrors,
  };
}

// --- Summaries and output -----------------------------------------------------------------------

function timing(values: (number | null)[]): Timing | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return { p50: percentile(sorted, 50), min: sorted[0]!, max: sorted.at(-1)! };
}

function summarize(loads: Load[], cases: readonly number[]): HistoryLoadResult["summary"] {
  const of = (runs: number) => loads.filter((l) => l.runs === runs);
  return Object.fromEntries(
    cases.map((runs) => [
      String(runs),
      Object.fromEntries(METRICS.map(([key]) => [key, timing(of(runs).map((l) => l[key]))])),
    ]),
  ) as HistoryLoadResult["summary"];
}

function steps(loads: Load[], cases: readonly number[]): HistoryLoadResult["steps"] {
  return Object.fromEntries(
    cases.map((runs) => [
      String(runs),
      STEPS.map(({ step, of }) => ({
        step,
        p50Ms: timing(loads.filter((l) => l.runs === runs).map(of))?.p50 ?? null,
      })),
    ]),
  ) as HistoryLoadResult["steps"];
}

function topScripts(loads: Load[], cases: readonly number[]): HistoryLoadResult["topScripts"] {
  return Object.fromEntries(
    cases.map((runs) => {
      const ofCase = loads.filter((l) => l.runs === runs);
      const keys = new Set(ofCase.flatMap((l) => Object.keys(l.scripts)));
      const rows = [...keys].map((script) => ({
        script,
        p50Ms: timing(ofCase.map((l) => l.scripts[script] ?? 0))?.p50 ?? 0,
      }));
      return [String(runs), rows.sort((a, b) => b.p50Ms - a.p50Ms).slice(0, 5)];
    }),
  ) as HistoryLoadResult["topScripts"];
}

function notes(options: HistoryLoadOptions, build: BuildReport): string[] {
  const runs = options.histories
    .filter((n) => n > 0)
    .map((n) => n.toLocaleString("en"))
    .join(" and ");
  return [
    `Build: the app is served by \`next start\` (demo mode, FAL_KEY empty) from ${DIST_DIR}, rebuilt with \`NEXT_DIST_DIR=${DIST_DIR} next build\` only when ${DIST_DIR}/BUILD_ID is missing or older than the newest file under ${BUILD_INPUTS.join(", ")}; ${build.rebuilt ? `rebuilt this time (${build.reason}, ${build.seconds.toFixed(0)} s, not counted in the bench time)` : "reused this time"}. The build's edits to tsconfig.json and next-env.d.ts (its distDir's type globs) are undone afterwards.`,
    `History: ${runs} finished runs in IndexedDB, written the way lib/history/history-db.ts stores them: prompts of 40–200 characters, 1–3 reference URLs, 1–4 output images each (url, size, content type, file size; ~2% flagged), seed, timings.inference, times spread over 30 days, and a ${options.logLines}-line log tail per run ("Step i/28" lines with ISO timestamps). Image URLs point at the app's /icon.svg, so the cards' lazy images load from the same server.`,
    `Loads: each case has its own persistent Chromium profile, seeded once; each load is a fresh tab (warm HTTP cache, like a returning user), ${options.loads} measured per case after one unmeasured warm-up, the cases alternating (the first of each round alternates too), ${options.settleMs} ms apart so one tab's teardown does not overlap the next load. The saved composer is removed before each load, so every load starts with an empty prompt.`,
    'History rendered = from navigation start to the end of the first frame showing the history: the first run card, or "No runs yet" (shown only once the history was read; before that the list says "Loading your runs…").',
    `TTI = history rendered, then moved to the end of any long task (>50 ms on the main thread) that starts within ${options.quietMs} ms of the current candidate; the first ${options.quietMs} ms without one ends it, and long tasks starting more than ${options.windowMs / 1000} s after the content are not looked at. Includes the click and key press below, which come right after the content.`,
    "Input latency, first key = right after the history shows, Playwright clicks the prompt and types one character; from the pointerdown's timestamp to the end of the frame that shows the character (includes the CDP round trips between the mouse and key events, 1–3 ms).",
    `Typing latency = then Playwright types "${options.typed}" (${options.typed.length} keys, ${options.keyDelayMs} ms between each keydown and keyup, about ${Math.round(1000 / (options.keyDelayMs + 15))} keys a second) while the rest of the history is read in the background; for each key, from its keydown's timestamp to the end of the frame that shows it (requestAnimationFrame, then a message posted from it). The goal is judged on the p95 of every key of every load of the largest history; the table shows each load's p95. As a cross-check, Event Timing's keydown entries (event to next paint, reported from 16 ms up) count the keys at or over 50 ms.`,
    "Whole history counted = when the list's heading first showed the number of stored runs (polled every 50 ms after the typing): the app reads the rest of the history in the background after the first page, and holds that read while keys are being pressed, so this comes after the typing.",
    "Long tasks are counted from navigation start to TTI (hydration's script evaluation included, alike in both cases). Script and style+layout come from long-animation-frame entries up to TTI: where the main thread's time went. JS heap = performance.memory.usedJSHeapSize after gc(), at the end of the load.",
    "IndexedDB open = the app's indexedDB.open to its success event; read = the app's getAll on runs.submittedAt, from the call until its values were read (deserialized). Both measured by wrapping IDBFactory.open and getAll from the init script: no marks in the app.",
    "Hydrated to history rendered = from the app opening its database (StoreHydration's effect, after hydration) to history rendered: the part of a load that depends on the history, without the page-load noise before it. The step table cuts each load at the same points; steps are p50s per step, so they need not add up to the TTI p50.",
    'Script table: long animation frames report only frames over 50 ms, so small work does not show. "IDBRequest.onsuccess (<app chunk>)" is the app\'s handler of the history read (idb resolving, then loadHistory and React rendering the cards in the same task); "MessagePort.onmessage" is React\'s scheduler rendering; "(inline)" is the bench\'s wrapper reading getAll\'s result, i.e. the deserialization the app would otherwise pay in its own handler. Chunk file names change with every build.',
    "The ratio is judged at p50 of each case's TTI. Absolute numbers only compare within one run on one machine.",
  ];
}

/** The result as plain-text tables, for the terminal. */
export function formatHistoryLoad(result: HistoryLoadResult): string {
  const cases = result.options.histories;
  const labels = cases.map(caseLabel);
  const base = String(cases[0]);
  const num = (value: number, digits: number) => value.toFixed(digits);
  const digitsOf = (key: Metric) =>
    key === "heapMb" || key === "idbOpenMs" || key === "idbReadMs" ? 1 : 0;
  const cell = (t: Timing | null, digits: number) =>
    t ? `${num(t.p50, digits)} (${num(t.min, digits)}–${num(t.max, digits)})` : "-";
  const ratio = (key: Metric, runs: number) => {
    const empty = result.summary[base]?.[key];
    const full = result.summary[String(runs)]?.[key];
    return empty && full && empty.p50 > 0 ? `${(full.p50 / empty.p50).toFixed(2)}×` : "-";
  };
  const rows = METRICS.map(([key, label]) => [
    label,
    ...cases.map((runs) => cell(result.summary[String(runs)]?.[key] ?? null, digitsOf(key))),
    ...cases.slice(1).map((runs) => ratio(key, runs)),
  ]);
  const ms = (value: number | null) => (value === null ? "-" : value.toFixed(0));
  const stepRows = cases.map((runs) => [
    caseLabel(runs),
    ...(result.steps[String(runs)] ?? []).map((s) => ms(s.p50Ms)),
  ]);
  const largest = String(cases.at(-1));
  const extra = STEPS.map(({ step, cause }, i) => {
    const empty = result.steps[base]?.[i]?.p50Ms ?? null;
    const full = result.steps[largest]?.[i]?.p50Ms ?? null;
    return { step, cause, ms: empty === null || full === null ? null : Math.round(full - empty) };
  });
  stepRows.push([
    `difference, ${labels.at(-1)}`,
    ...extra.map((e) => (e.ms === null ? "-" : `${e.ms >= 0 ? "+" : ""}${ms(e.ms)}`)),
  ]);
  const causes = extra
    .filter(
      (e): e is typeof e & { cause: string; ms: number } =>
        !!e.cause && e.ms !== null && e.ms >= 10,
    )
    .sort((a, b) => b.ms - a.ms)
    .map((e) => `${e.step} +${ms(e.ms)} ms: ${e.cause}`);
  const scriptRows = cases.flatMap((runs) => {
    const rows = (result.topScripts[String(runs)] ?? []).filter((s) => s.p50Ms >= 1);
    return rows.length
      ? rows.map((s) => [caseLabel(runs), s.script, s.p50Ms.toFixed(0)])
      : [[caseLabel(runs), "(none at or over 1 ms at p50)", "-"]];
  });
  const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");
  const ttiGoals = result.goals.flatMap((goal) => [
    `Goal: ${goal.definition}: ${goal.ratio.toFixed(2)}× -> ${verdict(goal.pass)}`,
    `  The history adds ${ms(goal.historyCostMs)} ms (p50 hydrated to history rendered, minus none): within the goal only while TTI with none is at least ${ms(goal.breakEvenTtiMs)} ms (here ${ms(result.summary[base]?.ttiMs?.p50 ?? null)} ms).`,
  ]);
  const typingRows = result.typing.map((t) => [
    caseLabel(t.runs),
    String(t.keys),
    num(t.p95Ms, 0),
    num(t.maxMs, 0),
  ]);
  return [
    `History load: time until interactive and typing latency with ${labels.slice(1).join(" and ")} stored vs none (${result.browser}, next start, ${result.options.loads} loads per case, interleaved, after one warm-up each)`,
    `Bench time ${result.durationSeconds.toFixed(1)} s; build ${result.build.rebuilt ? `${result.build.seconds.toFixed(1)} s on top (${result.build.reason})` : `reused (${result.build.reason})`}`,
    ...result.seeded.map(
      (s) =>
        `Seeded: ${s.runs} runs, ${s.logs} log tails (${s.logLines.toLocaleString("en")} lines), prompts ${s.promptChars.min}–${s.promptChars.max} chars, in ${s.seconds.toFixed(1)} s`,
    ),
    table(
      [
        "metric: p50 (min–max)",
        ...labels,
        ...labels.slice(1).map((label) => `ratio ${label.replace(" runs", "")}`),
      ],
      rows,
      "left",
    ),
    "",
    "Typing latency over every typed key of every load (ms)",
    table(["case", "keys", "p95", "max"], typingRows, "left"),
    "",
    ...ttiGoals,
    `Goal: ${result.typingGoal.definition}: ${num(result.typingGoal.p95Ms, 0)} ms -> ${verdict(result.typingGoal.pass)}`,
    "The cost in ms is what a change to the app moves; the ratio also moves with how fast the page loads.",
    "",
    "Where the time goes (p50 ms of each step; steps run one after another from navigation start)",
    table(["case", ...STEPS.map(({ step }) => step)], stepRows, "left"),
    ...(result.pass || causes.length === 0
      ? []
      : [
          `Where the extra time with ${labels.at(-1)} comes from (largest first):`,
          ...causes.map((c) => `- ${c}`),
        ]),
    "",
    "Largest script time until TTI (p50 ms per load, from long animation frames)",
    table(["case", "script", "ms"], scriptRows, "left"),
    ...verdictAndNotes(result.pass, result.notes),
  ].join("\n");
}
