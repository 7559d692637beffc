/**
 * Presenter slides: how soon the next slide's 2048² image is on screen after a clicker's key
 * press, with the stage's look-ahead (the neighbours fetched and decoded with img.decode()) and
 * without it (lib/presenter/preload.ts, preloadsAhead: a bench-only localStorage switch), in
 * headless Chromium against `next start` in demo mode on a 1920×1080 desktop.
 *
 * The images are the share-page bench's photo-like PNGs (bench/bench-images.ts, ~6 MB each),
 * uploaded to the demo backend as the app uploads. Each presentation is a fresh browser context:
 * its IndexedDB is seeded with one completed run per image (history-load's method, the app's
 * schema at version 3), then the page is opened and the presenter started through the UI
 * (Present… → "Everything shown" → Start presenting), and ArrowRight pressed a number of times.
 *
 * Everything is measured in the page by an init script: a capture-phase keydown listener takes
 * the time, then polls every frame (requestAnimationFrame) for what the stage draws. No app code
 * carries bench marks; only the switch above is read by the app.
 */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { launchBenchBrowser } from "./browser";
import { PRELOAD_SWITCH_KEY } from "../lib/presenter/preload";
import { makeImages, uploadAll } from "./bench-images";
import {
  DIST_DIR,
  ensureBuild,
  sleep,
  startServer,
  type BuildReport,
  benchResources,
} from "./next-app";
import { percentile } from "./stats";
import { table, verdictAndNotes } from "./table";

export interface PresenterSlidesOptions {
  /** Slides in the deck (one run of one image each). */
  images: number;
  /** Width and height of each image, px. */
  size: number;
  /** ArrowRight presses per presentation. */
  transitions: number;
  /** Presentations per case, the cases interleaved. */
  rounds: number;
  /** After a slide is fully painted, before the next key press: the presenter talking. */
  pauseMs: number;
  viewport: { width: number; height: number };
  network: { label: string; downMbps: number; upMbps: number; latencyMs: number };
  /** Goal: key press to the next image on screen, p95, with preloading. */
  goalP95Ms: number;
  /** A transition not painted by then is recorded as timed out. */
  timeoutMs: number;
  demoStorageMb: number;
  /** `next start` (the e2e suite uses 3310–3321). */
  port: number;
}

export const DEFAULT_OPTIONS: PresenterSlidesOptions = {
  images: 12,
  size: 2048,
  transitions: 10,
  rounds: 3,
  pauseMs: 1500,
  viewport: { width: 1920, height: 1080 },
  network: { label: "fast office Wi-Fi", downMbps: 100, upMbps: 20, latencyMs: 10 },
  goalP95Ms: 100,
  timeoutMs: 20_000,
  demoStorageMb: 512,
  port: 3430,
};

const CASES = [
  { name: "preload on", preload: true },
  { name: "preload off", preload: false },
] as const;
type CaseName = (typeof CASES)[number]["name"];

const FILES = "/api/demo-fal/files/";
const MB = 1_000_000;

/** One key press as the page saw it; times in ms from the keydown. */
export interface Transition {
  case: CaseName;
  round: number;
  from: string;
  to: string | null;
  /** First frame drawing the new slide's layer with its image complete. */
  appeared: number | null;
  /** First frame where that layer is at opacity 1 (the same frame unless the layer fades in). */
  painted: number | null;
  /** Element Timing's renderTime of the new <img>: the frame's presentation, a cross-check. */
  elementRender: number | null;
  /** The new image's network fetch (resource timing), null when none was made. */
  fetchStart: number | null;
  fetchEnd: number | null;
  frames: number;
  /** Frames with no complete image visible at all. */
  blank: number;
  /** Frames whose top image was visible but not complete (half-loaded or broken). */
  half: number;
  /** Frames still showing only the last slide (waiting for the next). */
  held: number;
  maxFrameGap: number;
  /** The longest long animation frame (main thread) overlapping the transition, 0 if none. */
  longestMainFrame: number;
  /** Where that frame's time went: scripts by invoker, and its rendering step (style, layout,
   * paint and the commit), in ms; null without one. */
  longestMainFrameParts: { scripts: string[]; renderMs: number; styleLayoutMs: number } | null;
  /** Other full-size files whose download ended during the transition (the look-ahead's). */
  otherFetchesEnded: number;
  announced: string;
  timedOut: boolean;
}

interface Timing {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

interface CaseSummary {
  appeared: Timing | null;
  painted: Timing | null;
  elementRender: Timing | null;
  fetchStart: Timing | null;
  fetchEnd: Timing | null;
  /** The new image's fetch ended before the key press (it was preloaded). */
  fetchedAhead: number;
  fetchedAfter: number;
  blank: number;
  half: number;
  held: Timing | null;
  maxFrameGap: number;
  longestMainFrame: number;
  /** Transitions during which another slide's download ended. */
  withOtherFetch: number;
  timedOut: number;
  count: number;
}

export interface PresenterSlidesResult {
  name: "presenter-slides";
  options: PresenterSlidesOptions;
  browser: string;
  build: BuildReport;
  images: { count: number; meanBytes: number; generated: number; seconds: number };
  summary: Record<CaseName, CaseSummary>;
  checks: { name: string; pass: boolean; detail: string }[];
  goal: { p95Ms: number | null; pass: boolean };
  transitions: Transition[];
  notes: string[];
  durationSeconds: number;
}

export async function benchPresenterSlides(
  options: PresenterSlidesOptions = DEFAULT_OPTIONS,
): Promise<PresenterSlidesResult> {
  const started = performance.now();
  const { children, dirs, release } = benchResources();
  let browser: Browser | undefined;
  try {
    const build = await ensureBuild(children, "Presenter slides");
    const generated = await makeImages(options.images, options.size, "Presenter slides");
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "presenter-slides-data-"));
    dirs.push(dataDir);
    const origin = `http://127.0.0.1:${options.port}`;
    await startServer(options.port, children, {
      DEMO_STORAGE_MB: String(options.demoStorageMb),
      DATA_DIR: dataDir,
      REDIS_URL: "",
      ACCESS_PASSWORD: "",
    });
    const urls = await uploadAll(origin, generated.files, "presenter-bench");
    browser = await launchBenchBrowser();
    const transitions: Transition[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      // The first case alternates too, so drift in machine load hits every case alike.
      const order = round % 2 === 1 ? CASES : [...CASES].reverse();
      for (const kase of order)
        transitions.push(...(await present(browser, origin, urls, kase, round, options)));
    }
    const version = browser.version();
    await browser.close();
    browser = undefined;

    const summary = Object.fromEntries(
      CASES.map(({ name }) => [name, summarize(transitions.filter((t) => t.case === name))]),
    ) as Record<CaseName, CaseSummary>;
    const checks = runChecks(summary, options);
    const sizes = generated.files.map((file) => file.byteLength);
    return {
      name: "presenter-slides",
      options,
      browser: `Chromium ${version} (headless)`,
      build,
      images: {
        count: sizes.length,
        meanBytes: sizes.reduce((a, b) => a + b, 0) / sizes.length,
        generated: generated.generated,
        seconds: generated.seconds,
      },
      summary,
      checks,
      goal: {
        p95Ms: summary["preload on"].appeared?.p95 ?? null,
        pass: checks.every((check) => check.pass),
      },
      transitions,
      notes: notes(options, build),
      durationSeconds: (performance.now() - started) / 1000 - build.seconds - generated.seconds,
    };
  } finally {
    await browser?.close().catch(() => {});
    await release();
  }
}

// --- One presentation -----------------------------------------------------------------------------

/** Seeds a fresh context, opens the presenter through the UI and presses ArrowRight. */
async function present(
  browser: Browser,
  origin: string,
  urls: string[],
  kase: (typeof CASES)[number],
  round: number,
  options: PresenterSlidesOptions,
): Promise<Transition[]> {
  const context = await browser.newContext({
    viewport: options.viewport,
    reducedMotion: "no-preference",
  });
  try {
    await context.addInitScript({ content: initScript(kase.preload, options.timeoutMs) });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // Not the app itself, so the app never sees a half-written history.
    await page.goto(`${origin}/icon.svg`);
    const seeded = await page.evaluate(seedScript(urls, origin, options.size, Date.now()));
    if (seeded !== urls.length) throw new Error(`seeded ${String(seeded)} runs`);

    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: options.network.latencyMs,
      downloadThroughput: (options.network.downMbps * MB) / 8,
      uploadThroughput: (options.network.upMbps * MB) / 8,
      connectionType: "wifi",
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    // The gallery and the Present dialog show the same full-size files (as thumbnails): left
    // alone they would fetch every slide before the presentation starts, and "without
    // preloading" would read them from the cache. Blocked until the presenter starts.
    await cdp.send("Network.setBlockedURLs", { urls: [`*${FILES}*`] });
    // Not "load": that waits on every image of the gallery, which says nothing about the stage.
    await page.goto(origin, { waitUntil: "domcontentloaded" });
    await page.getByRole("button", { name: "Present…" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Present" });
    await dialog.getByRole("radio", { name: `Everything shown (${urls.length})` }).check();
    const rows = dialog.getByRole("list", { name: "Slides, in presenting order" });
    await waitFor(
      async () => (await rows.getByRole("listitem").count()) === urls.length,
      "the slide list",
    );
    // Let the blocked thumbnails settle as failed before the files are allowed again.
    await waitFor(() => page.evaluate<boolean>(SETTLED_SCRIPT), "thumbnails", 3000).catch(() => {});
    await cdp.send("Network.setBlockedURLs", { urls: [] });
    await dialog.getByRole("button", { name: "Start presenting" }).click();
    await waitFor(
      () => page.evaluate<boolean>("window.__presenterSlides.settled()"),
      "the first slide",
      options.timeoutMs,
    );

    const recorded: Transition[] = [];
    for (let k = 0; k < options.transitions; k++) {
      await sleep(options.pauseMs);
      await page.keyboard.press("ArrowRight");
      await waitFor(
        () => page.evaluate<boolean>(`window.__presenterSlides.transitions[${k}]?.done === true`),
        `transition ${k + 1}`,
        options.timeoutMs + 5000,
      );
      const t = (await page.evaluate(`window.__presenterSlides.transitions[${k}]`)) as Omit<
        Transition,
        "case" | "round"
      >;
      const expected = `Slide ${k + 2} of ${urls.length}`;
      if (t.from !== urls[k] || (!t.timedOut && t.to !== urls[k + 1]))
        throw new Error(`transition ${k + 1} went from ${t.from} to ${t.to}`);
      if (!t.timedOut && !t.announced.includes(expected))
        throw new Error(`announced "${t.announced}", not "${expected}"`);
      recorded.push({ case: kase.name, round, ...t });
    }
    if (errors.length) throw new Error(`the page threw: ${errors.join("; ")}`);
    return recorded;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${kase.name}, round ${round}: ${message}`, { cause: error });
  } finally {
    await context.close();
  }
}

async function waitFor(test: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = performance.now() + timeoutMs;
  while (!(await test())) {
    if (performance.now() > deadline) throw new Error(`${what}: not done within ${timeoutMs} ms`);
    await sleep(25);
  }
}

/** Every full-size file near the viewport has loaded or failed (lazy ones far below never start). */
const SETTLED_SCRIPT = `[...document.images]
  .filter((img) => img.src.includes(${JSON.stringify(FILES)}))
  .every((img) => img.complete || img.getBoundingClientRect().top > 3 * innerHeight)`;

/**
 * One completed run per image, newest first in `urls` order, written as lib/history/history-db.ts
 * stores them (database version 3). Plain JavaScript: tsx's helpers must not reach the page.
 */
function seedScript(urls: string[], origin: string, size: number, now: number) {
  const runs = urls.map((url, i) => ({
    id: `presenter-bench-${i + 1}`,
    requestId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
    input: {
      prompt: `Slide ${i + 1}: a sunlit studio still life, soft window light, film grain.`,
      reference_image_urls: [`${origin}/icon.svg?reference=${i + 1}`],
      image_size: { width: size, height: size },
      num_inference_steps: 28,
      guidance_scale: 0,
      num_images: 1,
      output_format: "png",
      sync_mode: false,
      enable_safety_checker: true,
      keep_original_aspect: false,
    },
    phase: "completed",
    output: {
      images: [
        {
          url,
          content_type: "image/png",
          file_name: `slide-${i + 1}.png`,
          width: size,
          height: size,
        },
      ],
      seed: 1000 + i,
      has_nsfw_concepts: [false],
      prompt: `Slide ${i + 1}`,
      timings: { inference: 12.5 },
    },
    submittedAt: now - (i + 1) * 60_000,
    startedAt: now - (i + 1) * 60_000 + 1000,
    completedAt: now - (i + 1) * 60_000 + 15_000,
  }));
  return `(async (runs) => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("hidream-playground", 3);
    request.onupgradeneeded = () => {
      const database = request.result;
      database.createObjectStore("runs", { keyPath: "id" }).createIndex("submittedAt", "submittedAt");
      database.createObjectStore("logs", { keyPath: "runId" });
      database.createObjectStore("shares", { keyPath: "id" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction("runs", "readwrite");
    for (const run of runs) tx.objectStore("runs").put(run);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  const count = await new Promise((resolve) => {
    const request = db.transaction("runs").objectStore("runs").count();
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  return count;
})(${JSON.stringify(runs)})`;
}

/**
 * Runs before the page's scripts: sets the preload switch, and on each ArrowRight in the
 * presenter records, frame by frame, what the stage draws. The stage's layers are the presenter
 * dialog's <img> of full-size files, the current one last (on top); a leaving one is aria-hidden.
 */
function initScript(preload: boolean, timeoutMs: number) {
  return `(() => {
  if (window.top !== window || location.pathname !== "/") return;
  ${preload ? `localStorage.removeItem(${JSON.stringify(PRELOAD_SWITCH_KEY)});` : `localStorage.setItem(${JSON.stringify(PRELOAD_SWITCH_KEY)}, "off");`}
  performance.setResourceTimingBufferSize(10000);
  const FILES = ${JSON.stringify(FILES)};
  const state = { transitions: [] };
  Object.defineProperty(window, "__presenterSlides", { value: state });
  const presenter = () => document.querySelector('[role="dialog"][aria-label="Presenter"]');
  const layers = () => [...(presenter()?.querySelectorAll("img") ?? [])].filter((img) => img.src.includes(FILES));
  const opacity = (el) => {
    let value = 1;
    for (let e = el; e; e = e.parentElement) value *= Number(getComputedStyle(e).opacity);
    return value;
  };
  const drawn = (img) => img.complete && img.naturalWidth > 0;
  state.settled = () => { const top = layers().at(-1); return !!top && drawn(top) && opacity(top) >= 1; };
  // Element Timing on the stage's images, set before their first paint.
  new MutationObserver(() => {
    for (const img of layers()) if (!img.hasAttribute("elementtiming")) img.setAttribute("elementtiming", "slide");
  }).observe(document, { subtree: true, childList: true });
  const renders = [];
  new PerformanceObserver((list) => renders.push(...list.getEntries())).observe({ type: "element", buffered: true });
  const longFrames = [];
  new PerformanceObserver((list) => longFrames.push(...list.getEntries())).observe({ type: "long-animation-frame", buffered: true });

  addEventListener("keydown", (event) => {
    const top = layers().at(-1);
    if (event.key !== "ArrowRight" || !top) return;
    const start = performance.now();
    const t = { from: top.src, to: null, appeared: null, painted: null, elementRender: null, fetchStart: null,
      fetchEnd: null, frames: 0, blank: 0, half: 0, held: 0, maxFrameGap: 0, longestMainFrame: 0,
      longestMainFrameParts: null,       otherFetchesEnded: 0, announced: "", timedOut: false, done: false };
    state.transitions.push(t);
    let last = start;
    let element = null;
    const finish = () => {
      t.announced = presenter()?.querySelector('[aria-live="polite"]')?.textContent ?? "";
      const fetches = performance.getEntriesByName(t.to ?? "", "resource").filter((e) => e.encodedBodySize > 0);
      const fetch = fetches.at(-1);
      if (fetch) { t.fetchStart = fetch.startTime - start; t.fetchEnd = fetch.responseEnd - start; }
      const render = renders.find((e) => e.element === element && e.renderTime > 0);
      if (render) t.elementRender = render.renderTime - start;
      const end = start + (t.painted ?? performance.now() - start);
      for (const f of longFrames)
        if (f.startTime < end && f.startTime + f.duration > start && f.duration > t.longestMainFrame) {
          const frameEnd = f.startTime + f.duration;
          t.longestMainFrame = f.duration;
          t.longestMainFrameParts = {
            scripts: f.scripts.map((x) => x.invoker.replace(/^https?:\\/\\/\\S*\\//, "") + " " + Math.round(x.duration)),
            renderMs: f.renderStart > 0 ? frameEnd - f.renderStart : 0,
            styleLayoutMs: f.styleAndLayoutStart > 0 ? frameEnd - f.styleAndLayoutStart : 0,
          };
        }
      t.otherFetchesEnded = performance.getEntriesByType("resource")
        .filter((e) => e.name.includes(FILES) && e.name !== t.to && e.responseEnd >= start && e.responseEnd <= end).length;
      t.done = true;
    };
    const frame = () => {
      const now = performance.now();
      t.frames += 1;
      t.maxFrameGap = Math.max(t.maxFrameGap, now - last);
      last = now;
      const imgs = layers();
      const shown = imgs.filter((img) => drawn(img) && opacity(img) > 0);
      const topmost = imgs.at(-1);
      if (shown.length === 0) t.blank += 1;
      else if (topmost && !drawn(topmost) && opacity(topmost) > 0) t.half += 1;
      const next = imgs.findLast((img) => img.src !== t.from && !img.closest('[aria-hidden="true"]'));
      if (!next) t.held += 1;
      if (next && drawn(next)) {
        element = next;
        t.to = next.src;
        t.appeared ??= now - start;
        if (opacity(next) >= 1) t.painted = now - start;
      }
      if (t.painted !== null) return setTimeout(finish, 200);
      if (now - start > ${timeoutMs}) { t.timedOut = true; return finish(); }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, { capture: true });
})();`;
}

// --- Summaries and output -------------------------------------------------------------------------

function timing(values: (number | null)[]): Timing | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const [p50, p95] = [percentile(sorted, 50), percentile(sorted, 95)];
  return { p50, p95, max: sorted.at(-1)!, n: sorted.length };
}

function summarize(ts: Transition[]): CaseSummary {
  const sum = (of: (t: Transition) => number) => ts.reduce((total, t) => total + of(t), 0);
  return {
    appeared: timing(ts.map((t) => t.appeared)),
    painted: timing(ts.map((t) => t.painted)),
    elementRender: timing(ts.map((t) => t.elementRender)),
    fetchStart: timing(ts.map((t) => t.fetchStart)),
    fetchEnd: timing(ts.map((t) => t.fetchEnd)),
    fetchedAhead: ts.filter((t) => t.fetchEnd !== null && t.fetchEnd < 0).length,
    fetchedAfter: ts.filter((t) => t.fetchStart !== null && t.fetchStart >= 0).length,
    blank: sum((t) => t.blank),
    half: sum((t) => t.half),
    held: timing(ts.map((t) => t.held)),
    maxFrameGap: Math.max(0, ...ts.map((t) => t.maxFrameGap)),
    longestMainFrame: Math.max(0, ...ts.map((t) => t.longestMainFrame)),
    withOtherFetch: ts.filter((t) => t.otherFetchesEnded > 0).length,
    timedOut: ts.filter((t) => t.timedOut).length,
    count: ts.length,
  };
}

function runChecks(s: Record<CaseName, CaseSummary>, options: PresenterSlidesOptions) {
  const on = s["preload on"];
  const off = s["preload off"];
  const ms = (t: Timing | null, key: "p50" | "p95" = "p95") => (t ? t[key].toFixed(0) : "-");
  const frames = CASES.map(({ name }) => `${name} ${s[name].blank}/${s[name].half}`).join(", ");
  return [
    {
      name: `Preload on: key press to the next image on screen, p95 <= ${options.goalP95Ms} ms`,
      pass: !!on.appeared && on.appeared.p95 <= options.goalP95Ms && on.timedOut === 0,
      detail: `p95 ${ms(on.appeared)} ms (p50 ${ms(on.appeared, "p50")}); presented per Element Timing p95 ${ms(on.elementRender)} ms; without preloading p95 ${ms(off.appeared)} ms`,
    },
    {
      name: "No blank and no half-loaded frame, in any case",
      pass: CASES.every(({ name }) => s[name].blank === 0 && s[name].half === 0),
      detail: `blank/half-loaded frames: ${frames}`,
    },
    {
      // A late look-ahead is a result (preload on, its count below); a cached "off" image would
      // make the comparison meaningless.
      name: "The comparison holds: without preloading, every image was fetched after its key press",
      pass: off.fetchedAfter === off.count,
      detail: `preload off ${off.fetchedAfter}/${off.count} fetched after the key; preload on ${on.fetchedAhead}/${on.count} fetched ahead`,
    },
  ];
}

function notes(options: PresenterSlidesOptions, build: BuildReport): string[] {
  const { downMbps, upMbps, latencyMs, label } = options.network;
  return [
    `Build: \`next start\` from ${DIST_DIR} in demo mode (FAL_KEY empty, DEMO_STORAGE_MB=${options.demoStorageMb}, DATA_DIR a temp folder); ${build.rebuilt ? `rebuilt this time (${build.reason}, ${build.seconds.toFixed(0)} s, not counted)` : "reused"}.`,
    `Network: CDP Network.emulateNetworkConditions ${downMbps} Mbps down, ${upMbps} Mbps up, ${latencyMs} ms latency ("${label}"): over bare loopback a 6 MB file takes a few ms and preloading would not show. CPU not throttled (Emulation.setCPUThrottlingRate 1). ${options.viewport.width}×${options.viewport.height} viewport, device scale 1.`,
    `Each presentation: a fresh context (empty cache); ${options.images} runs seeded in IndexedDB (one 2048² PNG each, newest first); / opened; Present… → Everything shown → Start presenting; after the first slide is fully painted, ${options.transitions} × (pause ${options.pauseMs / 1000} s, the presenter talking, then ArrowRight). Same pause in every case. Cases interleaved over ${options.rounds} rounds, the order alternating.`,
    "The page's gallery and the Present dialog draw the same full-size files as their thumbnails (components/gallery/result-image.tsx, components/presenter-setup/slide-row.tsx): the bench blocks those URLs (CDP Network.setBlockedURLs) until Start presenting, else every slide would be in the cache before the first key press. A real session with those thumbnails on screen already holds most slides: the app fetches 6 MB per 64 px thumbnail.",
    `Preload off = localStorage "${PRELOAD_SWITCH_KEY}" = "off": the stage's usePreload does nothing, so a slide's image is fetched and decoded only once it is the current slide (the stage still keeps the last slide until it is decoded).`,
    'Times are from the keydown (performance.now() in a capture-phase listener) to the first requestAnimationFrame callback whose DOM shows the state, i.e. the start of the frame that draws it: "on screen" = the new slide\'s layer is in the presenter with its <img> complete and naturalWidth > 0 (the last slide stays beneath it, fading out); "fully opaque" = that layer at computed opacity 1 (the same frame, unless the layer fades in). Element Timing (renderTime of the new <img>, the attribute set by the bench) is the presentation time of that frame, rasterization included: a cross-check of when the pixels are out; Chrome reports none for some transitions (n is shown).',
    'Blank frame = no complete stage image visible (opacity > 0); half-loaded = the top stage image visible but not complete. "Held" = frames still showing only the last slide. Fetch times come from resource timing of the new image (negative: before the key). Longest frame = the longest gap between animation frames from the key press to fully opaque; LoAF = the longest long animation frame (main thread busy > 50 ms) overlapping it; "another slide\'s download ended meanwhile" counts transitions during which a download of some other slide (the look-ahead) finished.',
    "Percentiles are nearest-rank over every transition of a case. Absolute numbers only compare within one run on one machine.",
  ];
}

/** The result as plain-text tables, for the terminal. */
export function formatPresenterSlides(result: PresenterSlidesResult): string {
  const s = result.summary;
  const cell = (t: Timing | null) =>
    t ? `${t.p50.toFixed(0)} / ${t.p95.toFixed(0)} / ${t.max.toFixed(0)}` : "-";
  const row = (label: string, of: (c: CaseSummary) => string) => [
    label,
    ...CASES.map(({ name }) => of(s[name])),
  ];
  const rows = [
    row("key → next image on screen (ms)", (c) => cell(c.appeared)),
    row("key → fully opaque (ms)", (c) => cell(c.painted)),
    row("key → presented, Element Timing (ms)", (c) =>
      c.elementRender ? `${cell(c.elementRender)} (n=${c.elementRender.n})` : "-",
    ),
    row("image fetch start, from key (ms)", (c) => cell(c.fetchStart)),
    row("image fetch end, from key (ms)", (c) => cell(c.fetchEnd)),
    row("fetched before the key", (c) => `${c.fetchedAhead}/${c.count}`),
    row("frames holding the last slide", (c) => cell(c.held)),
    row("blank / half-loaded frames", (c) => `${c.blank} / ${c.half}`),
    row("longest frame (ms)", (c) => c.maxFrameGap.toFixed(0)),
    row("  longest main-thread frame (LoAF, ms)", (c) => c.longestMainFrame.toFixed(0)),
    row("another slide's download ended meanwhile", (c) => `${c.withOtherFetch}/${c.count}`),
    row("timed out", (c) => String(c.timedOut)),
  ];
  const { downMbps, latencyMs, label } = result.options.network;
  const o = result.options;
  return [
    `Presenter slides: key press to the next ${o.size}² slide painted, with and without preloading (${result.browser}, ${o.viewport.width}×${o.viewport.height}, ${downMbps} Mbps / ${latencyMs} ms "${label}", CPU normal; ${o.transitions} transitions × ${o.rounds} rounds per case, interleaved)`,
    `Bench time ${result.durationSeconds.toFixed(1)} s; build ${result.build.rebuilt ? `${result.build.seconds.toFixed(1)} s on top` : "reused"}; images: ${result.images.count} PNGs, mean ${(result.images.meanBytes / MB).toFixed(2)} MB, ${result.images.generated ? `${result.images.generated} made (${result.images.seconds.toFixed(0)} s on top)` : "from the temp-folder cache"}`,
    "",
    table(["p50 / p95 / max", ...CASES.map(({ name }) => name)], rows, "left"),
    "",
    "Checks:",
    ...result.checks.map((c) => `- ${c.pass ? "PASS" : "FAIL"} ${c.name}: ${c.detail}`),
    ...verdictAndNotes(result.goal.pass, result.notes),
  ].join("\n");
}
