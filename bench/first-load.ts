/**
 * First load: what a first visit to `/` (empty history) and `/setup` costs, against a bare Next 16
 * page with one client component built and served in the same run (issue 13, goal 2): the JS
 * transferred, every byte, LCP, and the main thread's long tasks, as medians of interleaved loads
 * in fresh browser contexts. Also which modules the first load of `/` is made of, from the
 * chunks' source maps (bench/chunk-modules.ts), so a regression names its cause.
 */
import { mkdtemp, realpath } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "@playwright/test";
import { launchBenchBrowser } from "./browser";
import { SECURITY_HEADERS } from "@/lib/security/content-security-policy";
import { buildBareApp, startBareApp } from "./bare-next-app";
import { chunkModules } from "./chunk-modules";
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

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface FirstLoadOptions {
  /** Measured loads per page, after one warm-up round. */
  loads: number;
  viewport: { width: number; height: number };
  /** A load ends once no request has been open for this long after the load event... */
  idleMs: number;
  /** ...or this long after navigation. */
  capMs: number;
  /** Goals (issue text): `/`'s JS at most this many times the bare page's, and its LCP. */
  goalJsRatio: number;
  goalLcpRatio: number;
  /** Pause before each load, so the last context's teardown does not overlap it. */
  settleMs: number;
  /** Rows of the module table. */
  topModules: number;
  /** `next start` of the app and of the bare app (this bench's own ports). */
  port: number;
  barePort: number;
  /** The bare page again, built with `/`'s Cross-Origin-Opener-Policy header. */
  bareCoopPort: number;
  /** The page on another site that loads start from (served by the bench on localhost). */
  startPort: number;
}

export const DEFAULT_OPTIONS: FirstLoadOptions = {
  loads: 5,
  viewport: { width: 1280, height: 800 },
  idleMs: 1000,
  capMs: 20_000,
  goalJsRatio: 1.3,
  goalLcpRatio: 2,
  settleMs: 300,
  topModules: 25,
  port: 3520,
  barePort: 3521,
  startPort: 3522,
  bareCoopPort: 3523,
};

const PAGES = ["bare", "bareCoop", "home", "setup"] as const;
type PageKind = (typeof PAGES)[number];
/** Each page but the bare one, as a ratio to it. */
const COMPARED = ["bareCoop", "home", "setup"] as const;
type Compared = (typeof COMPARED)[number];
/** A header `/` sends that the bare page does not; its cost is measured apart. */
const COOP_HEADER = "Cross-Origin-Opener-Policy";
const COOP = { [COOP_HEADER]: SECURITY_HEADERS[COOP_HEADER]! };
/**
 * Where a load starts. "another site": the tab first shows a page of another site, as a visit
 * does (a link from elsewhere, the new-tab page), so Chromium gives the page a process of its own
 * whatever its headers. "blank tab": the first navigation of the tab a new context opens with. Only
 * there does `/`'s Cross-Origin-Opener-Policy cost a new renderer process that the bare page, with
 * no such header, does not pay (it reuses the blank tab's); measured apart so that cost stays seen.
 * The goals are judged from another site.
 */
const STARTS = ["another site", "blank tab"] as const;
type Start = (typeof STARTS)[number];
const GOAL_START: Start = "another site";
const LABEL: Record<PageKind, string> = {
  bare: "bare Next page",
  bareCoop: "bare + COOP header",
  home: "/ (empty history)",
  setup: "/setup",
};

/** The bare page: one client component, as `create-next-app` would start. */
const BARE_PAGES: Record<string, string> = {
  "app/page.tsx": `import { Counter } from "./counter";

export default function Page() {
  return (
    <main style={{ fontFamily: "system-ui", padding: "2rem" }}>
      <h1>A bare Next page</h1>
      <p>One server component and one client component, for comparison.</p>
      <Counter />
    </main>
  );
}
`,
  "app/counter.tsx": `"use client";

import { useState } from "react";

export function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      Clicked {count} times
    </button>
  );
}
`,
};

/** Keeps LCP and long tasks from the start (buffered), with what the LCP element is. */
const INIT_SCRIPT = `(() => {
  if (window.top !== window) return;
  const state = { lcp: null, longTasks: [] };
  Object.defineProperty(window, "__firstLoad", { value: state });
  const describe = (el) => {
    if (!el) return "(removed)";
    const words = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
    return el.tagName.toLowerCase() + (words ? ' "' + words + '"' : "");
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        state.lcp = { startTime: e.startTime, element: describe(e.element) };
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        state.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {}
})();`;

const COLLECT_SCRIPT = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const state = window.__firstLoad;
  return {
    lcp: state.lcp,
    longTasks: state.longTasks,
    firstByteMs: nav ? nav.responseStart : null,
    domContentLoadedMs: nav && nav.domContentLoadedEventEnd > 0 ? nav.domContentLoadedEventEnd : null,
    loadEventMs: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null,
    fcpMs: (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime ?? null,
  };
})()`;

export interface Load {
  page: PageKind;
  start: Start;
  round: number;
  /** Round 0 wakes each server and is not in the summary. */
  warmup: boolean;
  jsBytes: number;
  bytes: number;
  requests: number;
  /** Transferred bytes per script URL (path only). */
  scripts: Record<string, number>;
  lcpMs: number | null;
  lcpElement: string;
  fcpMs: number | null;
  firstByteMs: number | null;
  loadEventMs: number | null;
  longTasks: number;
  longTaskMs: number;
  /** Sum of each long task's time over 50 ms (Lighthouse's TBT, from navigation start). */
  blockingMs: number;
  /** The later of FCP, DOMContentLoaded and the end of the last long task. */
  ttiMs: number | null;
}

interface Timing {
  p50: number;
  min: number;
  max: number;
}

interface PageSummary {
  url: string;
  jsBytes: Timing;
  bytes: Timing;
  requests: Timing;
  lcpMs: Timing | null;
  fcpMs: Timing | null;
  firstByteMs: Timing | null;
  loadEventMs: Timing | null;
  longTasks: Timing;
  blockingMs: Timing;
  ttiMs: Timing | null;
  lcpElements: { element: string; loads: number }[];
}

export interface ModuleRow {
  /** A package (`pkg:name`) or a project file. */
  name: string;
  /** Transferred bytes, estimated as the module's share of its chunks' raw bytes. */
  transferred: number;
  raw: number;
  /** Also shipped by the bare page (Next and React themselves). */
  inBare: boolean;
}

export interface ChunkRow {
  url: string;
  transferred: number;
  raw: number;
  /** Its biggest modules, raw bytes. */
  modules: { name: string; raw: number }[];
}

export interface FirstLoadResult {
  name: "first-load";
  options: FirstLoadOptions;
  browser: string;
  build: BuildReport;
  bareBuildSeconds: number;
  /** By where the loads started (STARTS). */
  summary: Record<Start, Record<PageKind, PageSummary>>;
  ratios: Record<Start, Record<Compared, { js: number; lcp: number; bytes: number }>>;
  goal: { jsRatio: number; lcpRatio: number; jsPass: boolean; lcpPass: boolean; pass: boolean };
  /** The first load of `/`, by chunk and by module. */
  chunks: ChunkRow[];
  modules: ModuleRow[];
  loads: Load[];
  notes: string[];
  /** Without the builds, reported apart. */
  durationSeconds: number;
}

export async function benchFirstLoad(
  options: FirstLoadOptions = DEFAULT_OPTIONS,
): Promise<FirstLoadResult> {
  const started = performance.now();
  const { children, dirs, release } = benchResources();
  let browser: Browser | undefined;
  let startPage: { url: string; server: Server } | undefined;
  try {
    const build = await ensureBuild(children, "First load");
    const bareDir = await mkdtemp(path.join(await realpath(os.tmpdir()), "first-load-bare-"));
    dirs.push(bareDir);
    const bareCoopDir = await mkdtemp(path.join(await realpath(os.tmpdir()), "first-load-coop-"));
    dirs.push(bareCoopDir);
    const bareBuildSeconds =
      (await buildBareApp(bareDir, BARE_PAGES, children, "First load", true)) +
      (await buildBareApp(bareCoopDir, BARE_PAGES, children, "First load", false, COOP));
    await startServer(options.port, children, { ACCESS_PASSWORD: "", REDIS_URL: "" });
    await startBareApp(bareDir, options.barePort, "/", children);
    await startBareApp(bareCoopDir, options.bareCoopPort, "/", children);
    const origin = `http://127.0.0.1:${options.port}`;
    const targets: Record<PageKind, string> = {
      bare: `http://127.0.0.1:${options.barePort}/`,
      bareCoop: `http://127.0.0.1:${options.bareCoopPort}/`,
      home: `${origin}/`,
      setup: `${origin}/setup`,
    };

    browser = await launchBenchBrowser();
    startPage = await serveStartPage(options.startPort);
    const loads: Load[] = [];
    for (let round = 0; round <= options.loads; round++) {
      for (const start of STARTS) {
        for (const page of PAGES) {
          await sleep(options.settleMs);
          const from = start === "another site" ? startPage.url : undefined;
          loads.push(await measureLoad(browser, targets[page], page, start, from, round, options));
        }
      }
    }
    const version = browser.version();
    await browser.close();
    browser = undefined;

    const measured = loads.filter((l) => !l.warmup);
    const summaryFrom = (start: Start) =>
      Object.fromEntries(
        PAGES.map((page) => [
          page,
          summarize(
            measured.filter((l) => l.page === page && l.start === start),
            targets[page],
          ),
        ]),
      ) as Record<PageKind, PageSummary>;
    const summary = Object.fromEntries(
      STARTS.map((start) => [start, summaryFrom(start)]),
    ) as Record<Start, Record<PageKind, PageSummary>>;
    const ratiosFrom = (of: Record<PageKind, PageSummary>) =>
      Object.fromEntries(
        COMPARED.map((page) => [
          page,
          {
            js: of[page].jsBytes.p50 / of.bare.jsBytes.p50,
            lcp: (of[page].lcpMs?.p50 ?? NaN) / (of.bare.lcpMs?.p50 ?? NaN),
            bytes: of[page].bytes.p50 / of.bare.bytes.p50,
          },
        ]),
      ) as Record<Compared, { js: number; lcp: number; bytes: number }>;
    const ratios = Object.fromEntries(
      STARTS.map((start) => [start, ratiosFrom(summary[start])]),
    ) as FirstLoadResult["ratios"];
    const { chunks, modules } = await firstLoadModules(
      measured.filter((l) => l.page === "home" && l.start === GOAL_START),
      measured.filter((l) => l.page === "bare" && l.start === GOAL_START),
      bareDir,
    );
    const jsPass = ratios[GOAL_START].home.js <= options.goalJsRatio;
    const lcpPass = ratios[GOAL_START].home.lcp <= options.goalLcpRatio;
    return {
      name: "first-load",
      options,
      browser: `Chromium ${version} (headless)`,
      build,
      bareBuildSeconds,
      summary,
      ratios,
      goal: {
        jsRatio: ratios[GOAL_START].home.js,
        lcpRatio: ratios[GOAL_START].home.lcp,
        jsPass,
        lcpPass,
        pass: jsPass && lcpPass,
      },
      chunks,
      modules,
      loads,
      notes: notes(options, build, bareBuildSeconds),
      durationSeconds: (performance.now() - started) / 1000 - build.seconds - bareBuildSeconds,
    };
  } finally {
    await browser?.close().catch(() => {});
    startPage?.server.close();
    await release();
  }
}

// --- Measuring ------------------------------------------------------------------------------------

interface RequestRecord {
  url: string;
  script: boolean;
  bytes: number;
  received: number;
  done: boolean;
}

async function measureLoad(
  browser: Browser,
  url: string,
  page: PageKind,
  start: Start,
  startPage: string | undefined,
  round: number,
  options: FirstLoadOptions,
): Promise<Load> {
  const context = await browser.newContext({ viewport: options.viewport });
  try {
    await context.addInitScript({ content: INIT_SCRIPT });
    const tab = await context.newPage();
    if (startPage) {
      await tab.goto(startPage);
      await sleep(options.settleMs);
    }
    const cdp = await context.newCDPSession(tab);
    const requests = new Map<string, RequestRecord>();
    let lastActivity = performance.now();
    const touch = () => (lastActivity = performance.now());
    cdp.on("Network.requestWillBeSent", (event) => {
      touch();
      if (event.request.url.startsWith("data:")) return;
      requests.set(event.requestId, {
        url: event.request.url,
        script: event.type === "Script",
        bytes: 0,
        received: 0,
        done: false,
      });
    });
    cdp.on("Network.dataReceived", (event) => {
      touch();
      const record = requests.get(event.requestId);
      if (record) record.received += event.encodedDataLength;
    });
    cdp.on("Network.loadingFinished", (event) => {
      touch();
      const record = requests.get(event.requestId);
      if (!record) return;
      record.bytes = event.encodedDataLength;
      record.done = true;
    });
    cdp.on("Network.loadingFailed", (event) => {
      touch();
      const record = requests.get(event.requestId);
      if (!record) return;
      record.bytes = record.received;
      record.done = true;
    });
    await cdp.send("Network.enable");

    const started = performance.now();
    const response = await tab.goto(url, { waitUntil: "load", timeout: options.capMs });
    if (response?.status() !== 200)
      throw new Error(`${page} round ${round}: ${url} answered ${response?.status()}`);
    while (performance.now() - started < options.capMs) {
      const open = [...requests.values()].some((r) => !r.done);
      if (!open && performance.now() - lastActivity >= options.idleMs) break;
      await sleep(50);
    }
    const record = (await tab.evaluate(COLLECT_SCRIPT)) as {
      lcp: { startTime: number; element: string } | null;
      longTasks: { start: number; duration: number }[];
      firstByteMs: number | null;
      domContentLoadedMs: number | null;
      loadEventMs: number | null;
      fcpMs: number | null;
    };
    const all = [...requests.values()];
    const cost = (r: RequestRecord) => (r.done ? r.bytes : r.received);
    const scripts: Record<string, number> = {};
    for (const r of all.filter((r) => r.script)) {
      const key = new URL(r.url).pathname;
      scripts[key] = (scripts[key] ?? 0) + cost(r);
    }
    const lastTaskEnd = Math.max(0, ...record.longTasks.map((t) => t.start + t.duration));
    return {
      page,
      start,
      round,
      warmup: round === 0,
      jsBytes: Object.values(scripts).reduce((a, b) => a + b, 0),
      bytes: all.reduce((sum, r) => sum + cost(r), 0),
      requests: all.length,
      scripts,
      lcpMs: record.lcp?.startTime ?? null,
      lcpElement: record.lcp?.element ?? "(none)",
      fcpMs: record.fcpMs,
      firstByteMs: record.firstByteMs,
      loadEventMs: record.loadEventMs,
      longTasks: record.longTasks.length,
      longTaskMs: record.longTasks.reduce((sum, t) => sum + t.duration, 0),
      blockingMs: record.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      ttiMs:
        record.fcpMs === null
          ? null
          : Math.max(record.fcpMs, record.domContentLoadedMs ?? 0, lastTaskEnd),
    };
  } finally {
    await context.close();
  }
}

function timing(values: (number | null)[]): Timing | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return { p50: percentile(sorted, 50), min: sorted[0]!, max: sorted.at(-1)! };
}

/**
 * A one-line page on `localhost:port`, another site than the servers under test (127.0.0.1):
 * sites are told apart by host, not port.
 */
async function serveStartPage(port: number): Promise<{ url: string; server: Server }> {
  const server = createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end("<!doctype html><title>Elsewhere</title><p>A page on another site.</p>");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "localhost", resolve);
  });
  return { url: `http://localhost:${port}/`, server };
}

function summarize(loads: Load[], url: string): PageSummary {
  const elements = new Map<string, number>();
  for (const load of loads) elements.set(load.lcpElement, (elements.get(load.lcpElement) ?? 0) + 1);
  return {
    url,
    jsBytes: timing(loads.map((l) => l.jsBytes))!,
    bytes: timing(loads.map((l) => l.bytes))!,
    requests: timing(loads.map((l) => l.requests))!,
    lcpMs: timing(loads.map((l) => l.lcpMs)),
    fcpMs: timing(loads.map((l) => l.fcpMs)),
    firstByteMs: timing(loads.map((l) => l.firstByteMs)),
    loadEventMs: timing(loads.map((l) => l.loadEventMs)),
    longTasks: timing(loads.map((l) => l.longTasks))!,
    blockingMs: timing(loads.map((l) => l.blockingMs))!,
    ttiMs: timing(loads.map((l) => l.ttiMs)),
    lcpElements: [...elements]
      .map(([element, n]) => ({ element, loads: n }))
      .sort((a, b) => b.loads - a.loads),
  };
}

// --- What the first load is made of ---------------------------------------------------------------

/** Each script of the median loads, with the modules its source map names. */
async function firstLoadModules(
  home: Load[],
  bare: Load[],
  bareDir: string,
): Promise<{ chunks: ChunkRow[]; modules: ModuleRow[] }> {
  const medianScripts = (loads: Load[]) => {
    const urls = new Set(loads.flatMap((l) => Object.keys(l.scripts)));
    return [...urls].map((url) => ({
      url,
      transferred: percentile(
        loads.map((l) => l.scripts[url] ?? 0).sort((a, b) => a - b),
        50,
      ),
    }));
  };
  const fileOf = (dist: string, url: string) =>
    path.join(dist, url.replace(/^\/_next\//, "").replace(/\?.*$/, ""));

  const bareModules = new Set<string>();
  for (const { url } of medianScripts(bare)) {
    const found = await chunkModules(fileOf(path.join(bareDir, ".next"), url)).catch(() => null);
    found?.modules.forEach((m) => bareModules.add(m.name));
  }

  const chunks: ChunkRow[] = [];
  const byModule = new Map<string, { transferred: number; raw: number }>();
  for (const { url, transferred } of medianScripts(home)) {
    if (transferred === 0) continue;
    const found = await chunkModules(fileOf(path.join(REPO, DIST_DIR), url)).catch(() => null);
    const raw = found
      ? found.modules.reduce((sum, m) => sum + m.bytes, 0) + found.unmapped
      : transferred;
    chunks.push({
      url,
      transferred,
      raw,
      modules: (found?.modules ?? []).slice(0, 6).map((m) => ({ name: m.name, raw: m.bytes })),
    });
    for (const m of found?.modules ?? [{ name: `(no source map) ${url}`, bytes: raw }]) {
      const entry = byModule.get(m.name) ?? { transferred: 0, raw: 0 };
      entry.transferred += (m.bytes / raw) * transferred;
      entry.raw += m.bytes;
      byModule.set(m.name, entry);
    }
  }
  return {
    chunks: chunks.sort((a, b) => b.transferred - a.transferred),
    modules: [...byModule]
      .map(([name, m]) => ({ name, ...m, inBare: bareModules.has(name) }))
      .sort((a, b) => b.transferred - a.transferred),
  };
}

// --- Report ---------------------------------------------------------------------------------------

function notes(options: FirstLoadOptions, build: BuildReport, bareBuildSeconds: number): string[] {
  const { width, height } = options.viewport;
  return [
    `Build: the app is served by \`next start\` in demo mode from ${DIST_DIR} (${build.rebuilt ? `rebuilt this time: ${build.reason}, ${build.seconds.toFixed(0)} s` : "reused"}), with browser source maps (which the browser never fetches; they only name modules here). The bare page is a separate Next app (same node_modules) written to a temp folder: a server page with a heading, a paragraph and one client component (a counter button). It is built a second time with the Cross-Origin-Opener-Policy header \`/\` sends ("bare + COOP header"), to show that header's cost apart. Both built in ${bareBuildSeconds.toFixed(0)} s. Builds are not counted in the bench time.`,
    `Loads: a fresh browser context each (empty cache, empty IndexedDB, so \`/\` shows an empty history), ${width}×${height}, no throttling, no input; order bare, bare + COOP, /, /setup from another site, then the same from a blank tab, repeated; round 0 is a warm-up (first requests to each server), then ${options.loads} measured rounds. "From another site": the tab first opens a one-line page on localhost (the servers are on 127.0.0.1, another site), as a visitor arrives from a link or the new-tab page; Chromium then starts the page in a process of its own, bare page included. "From a blank tab": the context's first navigation, where only a page with a Cross-Origin-Opener-Policy (\`/\`, /setup, bare + COOP) needs a new process and the bare page reuses the blank tab's. The goals are judged from another site. The browser is bench/browser.ts's: its hidden omnibox popups, loaded anew with every context's window, are turned off. A load ends ${options.idleMs / 1000} s after its last network activity following the load event, so code the page fetches by itself after loading (idle preloads included) counts; code fetched only on a user's intent does not.`,
    "JS = the sum of CDP encodedDataLength (as transferred: gzip, headers included) of every request of type Script; all = every request. LCP = startTime of the page's last largest-contentful-paint entry. Long tasks (> 50 ms) from navigation start; blocking = the sum of each one's time over 50 ms (Lighthouse's TBT); TTI-ish = the latest of FCP, DOMContentLoaded and the end of the last long task.",
    "Modules: each script of the median `/` load, with its source map's bytes per source file, folded into packages (`pkg:…`, Next's compiled React as `pkg:react-dom (in next)`); a module's transferred bytes are its share of its chunks' raw bytes times what the chunks transferred (an estimate: gzip does not compress every module alike). \"in bare\" marks modules the bare page ships too.",
    `Goals (issue text): \`/\`'s JS p50 <= ${options.goalJsRatio}× the bare page's, and its LCP p50 <= ${options.goalLcpRatio}×. Absolute numbers only compare within one run on one machine; the ratios travel better.`,
  ];
}

/** The result as plain-text tables, for the terminal. */
export function formatFirstLoad(result: FirstLoadResult): string {
  const kb = (bytes: number) => (bytes / 1000).toFixed(1);
  const ms = (value: number) => value.toFixed(0);
  const cell = (t: Timing | null, format: (value: number) => string) =>
    t ? `${format(t.p50)} (${format(t.min)}–${format(t.max)})` : "-";
  const x = (value: number) => `${value.toFixed(2)}×`;
  const startTable = (start: Start) => {
    const s = result.summary[start];
    const r = result.ratios[start];
    const metric = (label: string, of: (p: PageSummary) => string) => [
      label,
      ...PAGES.map((page) => of(s[page])),
    ];
    return table(
      [`from ${start}`, ...PAGES.map((p) => LABEL[p])],
      [
        metric("JS transferred (KB)", (p) => cell(p.jsBytes, kb)),
        ["  JS / bare", "1.00×", ...COMPARED.map((page) => x(r[page].js))],
        metric("all transferred (KB)", (p) => cell(p.bytes, kb)),
        metric("requests", (p) => cell(p.requests, ms)),
        metric("HTML first byte (ms)", (p) => cell(p.firstByteMs, ms)),
        metric("FCP (ms)", (p) => cell(p.fcpMs, ms)),
        metric("LCP (ms)", (p) => cell(p.lcpMs, ms)),
        ["  LCP / bare", "1.00×", ...COMPARED.map((page) => x(r[page].lcp))],
        metric("load event (ms)", (p) => cell(p.loadEventMs, ms)),
        metric("long tasks", (p) => cell(p.longTasks, ms)),
        metric("blocking (ms, TBT)", (p) => cell(p.blockingMs, ms)),
        metric("TTI-ish (ms)", (p) => cell(p.ttiMs, ms)),
      ],
    );
  };
  const lcpRows = STARTS.flatMap((start) =>
    PAGES.flatMap((page) =>
      result.summary[start][page].lcpElements.map((e) => [
        start,
        LABEL[page],
        e.element,
        String(e.loads),
      ]),
    ),
  );
  const modules = result.modules.slice(0, result.options.topModules);
  const ours = result.modules.filter((m) => !m.inBare);
  return [
    `First load: ${result.options.loads} loads per page, interleaved, fresh context each, ${result.options.viewport.width}×${result.options.viewport.height}, no throttling (${result.browser})`,
    `Bench time ${result.durationSeconds.toFixed(1)} s; app build ${result.build.rebuilt ? `${result.build.seconds.toFixed(1)} s on top (${result.build.reason})` : `reused (${result.build.reason})`}; bare app build ${result.bareBuildSeconds.toFixed(1)} s on top`,
    "",
    `Cells: p50 (min–max). Each load starts from another site (the goals) or from a new context's blank tab.`,
    ...STARTS.flatMap((start) => [startTable(start), ""]),
    "LCP element",
    table(["from", "page", "element", "loads"], lcpRows, "left"),
    "",
    `Scripts of the first load of / from ${GOAL_START} (median transferred), biggest first`,
    table(
      ["chunk", "KB", "raw KB", "biggest modules (raw KB)"],
      result.chunks.map((c) => [
        c.url.replace(/^\/_next\/static\/chunks\//, ""),
        kb(c.transferred),
        kb(c.raw),
        c.modules
          .slice(0, 4)
          .map((m) => `${m.name} ${kb(m.raw)}`)
          .join(", "),
      ]),
    ),
    "",
    `Biggest modules of the first load of / (estimated KB transferred; ours only: ${kb(ours.reduce((sum, m) => sum + m.transferred, 0))} KB in ${ours.length} modules)`,
    table(
      ["module", "KB", "raw KB", "in bare"],
      modules.map((m) => [m.name, kb(m.transferred), kb(m.raw), m.inBare ? "yes" : ""]),
    ),
    "",
    `Goal, from ${GOAL_START}: JS of / <= ${result.options.goalJsRatio}× bare: ${x(result.goal.jsRatio)} ${result.goal.jsPass ? "PASS" : "FAIL"}; LCP of / <= ${result.options.goalLcpRatio}× bare: ${x(result.goal.lcpRatio)} ${result.goal.lcpPass ? "PASS" : "FAIL"}`,
    ...verdictAndNotes(result.goal.pass, result.notes),
  ].join("\n");
}
