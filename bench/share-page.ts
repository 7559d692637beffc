/**
 * Share page: what a client's phone fetches, and how soon it paints, when it opens a share of 40
 * images of 2048² (issue §6), against two baselines served side by side in the same run by a tiny
 * separate Next app: `/first`, a bare page showing only the first image's original, and `/naive`,
 * the 40 originals in a responsive grid of plain `<img loading="lazy">` (a share page without
 * thumbnails).
 *
 * The images are photo-like PNGs made with sharp (bench/bench-images.ts: smooth light, large soft
 * shapes, a field of small crisp ones, a multi-octave texture and grain), deterministic per
 * index, so each weighs several MB as a model's PNG does and its thumbnail as much as a photo's.
 * They are cached in the OS temp folder between runs, never committed. They are uploaded to the
 * app's demo backend the way the app uploads (initiate through the fal proxy, then PUT), and
 * shared through POST /api/shares, as the owner's browser does.
 *
 * Each load is a fresh browser context (empty cache) with a phone's viewport, network and CPU
 * (CDP), and no input at all: bytes are counted from CDP until the network has been idle for a
 * while after the load event, LCP is the page's last largest-contentful-paint entry.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, realpath } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { launchBenchBrowser } from "./browser";
import { buildBareApp, startBareApp } from "./bare-next-app";
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

const MB = 1_000_000;

export interface SharePageOptions {
  images: number;
  /** Width and height of each image, px. */
  size: number;
  /** Measured loads per page, after one warm-up round. */
  loads: number;
  viewport: { width: number; height: number; deviceScaleFactor: number };
  network: { downMbps: number; upMbps: number; latencyMs: number };
  /** Emulation.setCPUThrottlingRate. */
  cpuSlowdown: number;
  /** A load ends once no request has been open for this long after the load event... */
  idleMs: number;
  /** ...or at this long after navigation, whichever comes first. */
  capMs: number;
  /** Goal: bytes a load of our page transfers before any scroll (every load). */
  goalBytes: number;
  /** Goal: our LCP p50 at most this many times the bare page's. */
  goalLcpRatio: number;
  /** The app's demo storage budget: the 40 originals must fit. */
  demoStorageMb: number;
  /** Pause before each load, so the previous context's teardown does not overlap it. */
  settleMs: number;
  /** `next start` of the app, and of the baseline app (the e2e suite uses 3310–3319). */
  port: number;
  baselinePort: number;
}

export const DEFAULT_OPTIONS: SharePageOptions = {
  images: 40,
  size: 2048,
  loads: 5,
  viewport: { width: 390, height: 844, deviceScaleFactor: 3 },
  network: { downMbps: 20, upMbps: 5, latencyMs: 40 },
  cpuSlowdown: 4,
  idleMs: 1000,
  capMs: 30_000,
  goalBytes: 2 * MB,
  goalLcpRatio: 1.5,
  demoStorageMb: 1024,
  settleMs: 500,
  port: 3420,
  baselinePort: 3421,
};

const PAGES = ["ours", "naive", "first"] as const;
type PageKind = (typeof PAGES)[number];

/** Resource types as CDP names them, folded into the columns of the breakdown. */
const KINDS = ["document", "script", "stylesheet", "font", "image", "other"] as const;
type Kind = (typeof KINDS)[number];

/** A request for an original: the demo file itself, or the share's download route. */
const ORIGINAL = /\/api\/demo-fal\/files\/|\/s\/[A-Za-z0-9_-]{22}\/image\/\d+\/download/;

export interface Load {
  page: PageKind;
  round: number;
  /** The first round: made the server's thumbnails (ours), warmed `next start`; not in the summary. */
  warmup: boolean;
  bytes: number;
  bytesByKind: Record<Kind, number>;
  requests: number;
  images: { url: string; bytes: number; status: number | null }[];
  lcpMs: number | null;
  /** When the LCP image had finished loading (its entry's loadTime); null for text. */
  lcpLoadedMs: number | null;
  /** False when the LCP entry had no renderTime (a cross-origin image without Timing-Allow-Origin):
   * its time is then the image's load time, a little before its paint. */
  lcpRenderTimeKnown: boolean;
  lcpElement: string;
  lcpUrl: string;
  loadEventMs: number | null;
  /** The HTML's first byte (navigation timing responseStart). */
  firstByteMs: number | null;
  fcpMs: number | null;
  /** When the load ended: idle, or the cap. */
  endMs: number;
  capped: boolean;
  /** Requests still open at the end (counted with what they had received). */
  openAtEnd: number;
  originals: string[];
  failed: string[];
}

interface Timing {
  p50: number;
  min: number;
  max: number;
}

interface PageSummary {
  url: string;
  bytes: Timing;
  bytesByKind: Record<Kind, number>;
  requests: Timing;
  imageRequests: Timing;
  lcpMs: Timing | null;
  lcpLoadedMs: Timing | null;
  loadEventMs: Timing | null;
  firstByteMs: Timing | null;
  fcpMs: Timing | null;
  endMs: Timing;
  capped: number;
  lcpElements: { element: string; url: string; loads: number }[];
}

export interface SharePageResult {
  name: "share-page";
  options: SharePageOptions;
  browser: string;
  build: BuildReport;
  baselineBuildSeconds: number;
  images: {
    count: number;
    meanBytes: number;
    minBytes: number;
    maxBytes: number;
    generated: number;
    fromCache: number;
    seconds: number;
    uploadSeconds: number;
  };
  share: { id: string; path: string };
  summary: Record<PageKind, PageSummary>;
  coldOurs: Load | null;
  checks: { name: string; pass: boolean; detail: string }[];
  goal: { lcpRatio: number; maxBytes: number; pass: boolean };
  loads: Load[];
  notes: string[];
  /** Without the builds and the image generation, reported apart. */
  durationSeconds: number;
}

export async function benchSharePage(
  options: SharePageOptions = DEFAULT_OPTIONS,
): Promise<SharePageResult> {
  const started = performance.now();
  const { children, dirs, release } = benchResources();
  let browser: Browser | undefined;
  try {
    const build = await ensureBuild(children, "Share page");
    const generated = await makeImages(options.images, options.size, "Share page");

    // Shares are kept in SQLite under DATA_DIR: a folder of the bench's own, not the repo's data/.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "share-page-data-"));
    dirs.push(dataDir);
    const origin = `http://127.0.0.1:${options.port}`;
    await startServer(options.port, children, {
      DEMO_STORAGE_MB: String(options.demoStorageMb),
      DATA_DIR: dataDir,
      REDIS_URL: "",
      ACCESS_PASSWORD: "",
    });
    const uploadStarted = performance.now();
    const urls = await uploadAll(origin, generated.files, "share-bench");
    const uploadSeconds = (performance.now() - uploadStarted) / 1000;
    const share = await createShare(origin, urls, options);

    const baselineDir = await mkdtemp(
      path.join(await realpath(os.tmpdir()), "share-page-baseline-"),
    );
    dirs.push(baselineDir);
    const baselineBuildSeconds = await buildBaseline(baselineDir, urls, children);
    const baseline = `http://127.0.0.1:${options.baselinePort}`;
    await startBareApp(baselineDir, options.baselinePort, "/first", children);

    const targets: Record<PageKind, string> = {
      ours: `${origin}${share.path}`,
      naive: `${baseline}/naive`,
      first: `${baseline}/first`,
    };
    browser = await launchBenchBrowser();
    const loads: Load[] = [];
    for (let round = 0; round <= options.loads; round++) {
      for (const page of PAGES) {
        await sleep(options.settleMs);
        loads.push(await measureLoad(browser, targets[page], page, round, options, share.id));
      }
    }
    const version = browser.version();
    await browser.close();
    browser = undefined;

    const measured = loads.filter((l) => !l.warmup);
    for (const load of measured.filter((l) => l.page !== "ours")) {
      if (load.failed.length)
        throw new Error(
          `the ${load.page} baseline failed to load (round ${load.round}): ${load.failed.join(", ")}`,
        );
    }
    const summary = Object.fromEntries(
      PAGES.map((page) => [
        page,
        summarize(
          measured.filter((l) => l.page === page),
          targets[page],
        ),
      ]),
    ) as Record<PageKind, PageSummary>;
    const ours = measured.filter((l) => l.page === "ours");
    const maxBytes = summary.ours.bytes.max;
    const lcpRatio = (summary.ours.lcpMs?.p50 ?? NaN) / (summary.first.lcpMs?.p50 ?? NaN);
    const checks = runChecks(loads, summary, options, lcpRatio);
    const sizes = generated.files.map((f) => f.byteLength);
    return {
      name: "share-page",
      options,
      browser: `Chromium ${version} (headless)`,
      build,
      baselineBuildSeconds,
      images: {
        count: sizes.length,
        meanBytes: sizes.reduce((a, b) => a + b, 0) / sizes.length,
        minBytes: Math.min(...sizes),
        maxBytes: Math.max(...sizes),
        generated: generated.generated,
        fromCache: sizes.length - generated.generated,
        seconds: generated.seconds,
        uploadSeconds,
      },
      share: { id: share.id, path: share.path },
      summary,
      coldOurs: loads.find((l) => l.warmup && l.page === "ours") ?? null,
      checks,
      goal: {
        lcpRatio,
        maxBytes,
        pass: checks.every((c) => c.pass) && ours.length === options.loads,
      },
      loads,
      notes: notes(options, build, generated.generated, baselineBuildSeconds),
      durationSeconds:
        (performance.now() - started) / 1000 -
        build.seconds -
        generated.seconds -
        baselineBuildSeconds,
    };
  } finally {
    await browser?.close().catch(() => {});
    await release();
  }
}

// --- Share ----------------------------------------------------------------------------------------

async function createShare(origin: string, urls: string[], options: SharePageOptions) {
  const response = await fetch(`${origin}/api/shares`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({
      title: `Bench: ${urls.length} images`,
      expiry: "1d",
      images: urls.map((url) => ({
        url,
        width: options.size,
        height: options.size,
        contentType: "image/png",
      })),
    }),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST /api/shares: HTTP ${response.status} ${text}`);
  const created = JSON.parse(text) as { id: string; path: string };
  if (!created.path.startsWith("/s/")) throw new Error(`POST /api/shares answered ${text}`);
  return created;
}

// --- The baseline app -----------------------------------------------------------------------------

/** The baseline's two pages (its layout and config are bare-next-app.ts's). */
const BASELINE_PAGES: Record<string, string> = {
  "app/first/page.tsx": `import images from "../images.json";

/** The bare page: the first original, fitted to the viewport's width. */
export default function First() {
  return (
    <img
      src={images[0]}
      width={2048}
      height={2048}
      alt="Image 1"
      style={{ display: "block", width: "100%", height: "auto" }}
    />
  );
}
`,
  "app/naive/page.tsx": `import images from "../images.json";

/** The naive share page: every original in a responsive grid, lazily loaded by the browser. */
export default function Naive() {
  return (
    <main
      style={{
        display: "grid",
        gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 20rem), 1fr))",
        gap: "1rem",
        padding: "1rem",
      }}
    >
      {images.map((src, i) => (
        <img
          key={src}
          src={src}
          width={2048}
          height={2048}
          loading="lazy"
          alt={\`Image \${i + 1}\`}
          style={{ display: "block", width: "100%", height: "auto" }}
        />
      ))}
    </main>
  );
}
`,
};

/** Writes the baseline app (the image URLs baked in, so both pages are static) and builds it. */
function buildBaseline(dir: string, urls: string[], children: Set<ChildProcess>): Promise<number> {
  return buildBareApp(
    dir,
    { ...BASELINE_PAGES, "app/images.json": `${JSON.stringify(urls, null, 2)}\n` },
    children,
    "Share page",
  );
}

// --- Measuring ------------------------------------------------------------------------------------

/** Keeps the page's last LCP entry before any input (there is none: the bench never touches it). */
const INIT_SCRIPT = `(() => {
  if (window.top !== window) return;
  const state = { lcp: null, input: false };
  Object.defineProperty(window, "__sharePage", { value: state });
  const describe = (el) => {
    if (!el) return "(removed)";
    let text = el.tagName.toLowerCase();
    const alt = el.getAttribute("alt");
    if (alt) return text + '[alt="' + alt + '"]';
    const words = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
    return words ? text + ' "' + words + '"' : text;
  };
  for (const type of ["pointerdown", "keydown"])
    addEventListener(type, () => { state.input = true; }, { capture: true, once: true });
  try {
    new PerformanceObserver((list) => {
      if (state.input) return;
      for (const e of list.getEntries())
        state.lcp = { startTime: e.startTime, renderTime: e.renderTime, loadTime: e.loadTime, url: e.url, element: describe(e.element) };
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch {}
})();`;

const COLLECT_SCRIPT = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    lcp: window.__sharePage ? window.__sharePage.lcp : null,
    loadEventMs: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null,
    firstByteMs: nav ? nav.responseStart : null,
    fcpMs: (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime ?? null,
    scrollY: window.scrollY,
    innerWidth: window.innerWidth,
  };
})()`;

interface RequestRecord {
  url: string;
  kind: Kind;
  status: number | null;
  bytes: number;
  /** Body bytes so far (dataReceived): what a request still open, or failed, has cost. */
  received: number;
  done: boolean;
  error?: string;
}

function kindOf(type: string | undefined): Kind {
  switch (type) {
    case "Document":
      return "document";
    case "Script":
      return "script";
    case "Stylesheet":
      return "stylesheet";
    case "Font":
      return "font";
    case "Image":
      return "image";
    default:
      return "other";
  }
}

/** A URL as printed: without the servers' origins, the share id as <id>, a demo file by name. */
function shortUrl(url: string, shareId: string): string {
  return url
    .replace(/^https?:\/\/127\.0\.0\.1:\d+/, "")
    .replaceAll(shareId, "<id>")
    .replace(/\/api\/demo-fal\/files\/[A-Za-z0-9]+\//, "/api/demo-fal/files/…/");
}

async function measureLoad(
  browser: Browser,
  url: string,
  kind: PageKind,
  round: number,
  options: SharePageOptions,
  shareId: string,
): Promise<Load> {
  const { width, height, deviceScaleFactor } = options.viewport;
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
  });
  try {
    await context.addInitScript({ content: INIT_SCRIPT });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests = new Map<string, RequestRecord>();
    let lastActivity = performance.now();
    const touch = () => (lastActivity = performance.now());
    cdp.on("Network.requestWillBeSent", (event) => {
      touch();
      if (event.request.url.startsWith("data:")) return;
      const known = requests.get(event.requestId);
      // A redirect reuses the id: the record follows the new URL.
      requests.set(event.requestId, {
        url: event.request.url,
        kind: kindOf(event.type),
        status: null,
        bytes: known?.bytes ?? 0,
        received: 0,
        done: false,
      });
    });
    cdp.on("Network.responseReceived", (event) => {
      touch();
      const record = requests.get(event.requestId);
      if (record) record.status = event.response.status;
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
      record.error = event.canceled ? "canceled" : event.errorText;
    });
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: options.network.latencyMs,
      downloadThroughput: (options.network.downMbps * MB) / 8,
      uploadThroughput: (options.network.upMbps * MB) / 8,
      connectionType: "cellular4g",
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: options.cpuSlowdown });

    const started = performance.now();
    let loaded = false;
    const response = await page
      .goto(url, { waitUntil: "load", timeout: options.capMs })
      .then((answer) => {
        loaded = true;
        return answer;
      })
      .catch(() => null);
    if (loaded && response && response.status() !== 200)
      throw new Error(`${kind} round ${round}: ${url} answered ${response.status()}`);
    let capped = false;
    for (;;) {
      const now = performance.now();
      if (now - started >= options.capMs) {
        capped = true;
        break;
      }
      const open = [...requests.values()].some((r) => !r.done);
      if (loaded && !open && now - lastActivity >= options.idleMs) break;
      await sleep(50);
    }
    const endMs = performance.now() - started;
    const snapshot = [...requests.values()].map((r) => ({ ...r }));
    const record = (await page.evaluate(COLLECT_SCRIPT)) as {
      lcp: {
        startTime: number;
        renderTime: number;
        loadTime: number;
        url: string;
        element: string;
      } | null;
      loadEventMs: number | null;
      firstByteMs: number | null;
      fcpMs: number | null;
      scrollY: number;
      innerWidth: number;
    };
    if (record.innerWidth !== width)
      throw new Error(`${kind}: the page is ${record.innerWidth} px wide, not ${width}`);
    if (record.scrollY !== 0) throw new Error(`${kind}: the page scrolled to ${record.scrollY}`);

    const cost = (r: RequestRecord) => (r.done ? r.bytes : r.received);
    const bytesByKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    for (const r of snapshot) bytesByKind[r.kind] += cost(r);
    return {
      page: kind,
      round,
      warmup: round === 0,
      bytes: snapshot.reduce((sum, r) => sum + cost(r), 0),
      bytesByKind,
      requests: snapshot.length,
      images: snapshot
        .filter((r) => r.kind === "image")
        .map((r) => ({ url: shortUrl(r.url, shareId), bytes: cost(r), status: r.status })),
      lcpMs: record.lcp?.startTime ?? null,
      lcpLoadedMs: record.lcp?.url ? record.lcp.loadTime : null,
      lcpRenderTimeKnown: (record.lcp?.renderTime ?? 0) > 0,
      lcpElement: record.lcp?.element ?? "(none)",
      lcpUrl: record.lcp?.url ? shortUrl(record.lcp.url, shareId) : "",
      loadEventMs: record.loadEventMs,
      firstByteMs: record.firstByteMs,
      fcpMs: record.fcpMs,
      endMs,
      capped,
      openAtEnd: snapshot.filter((r) => !r.done).length,
      originals: snapshot.filter((r) => ORIGINAL.test(r.url)).map((r) => shortUrl(r.url, shareId)),
      failed: snapshot
        // The browser's own favicon probe is not the page's (the baseline app has no icon).
        .filter((r) => !r.url.endsWith("/favicon.ico"))
        .filter(
          (r) => (r.error && r.error !== "canceled") || (r.status !== null && r.status >= 400),
        )
        .map((r) => `${shortUrl(r.url, shareId)} (${r.error ?? `HTTP ${r.status}`})`),
    };
  } finally {
    await context.close();
  }
}

// --- Summaries and output -------------------------------------------------------------------------

function timing(values: (number | null)[]): Timing | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return { p50: percentile(sorted, 50), min: sorted[0]!, max: sorted.at(-1)! };
}

function summarize(loads: Load[], url: string): PageSummary {
  const elements = new Map<string, { element: string; url: string; loads: number }>();
  for (const load of loads) {
    const key = `${load.lcpElement}\u0000${load.lcpUrl}`;
    const entry = elements.get(key) ?? { element: load.lcpElement, url: load.lcpUrl, loads: 0 };
    entry.loads++;
    elements.set(key, entry);
  }
  const p50OfKind = (kind: Kind) => timing(loads.map((l) => l.bytesByKind[kind]))?.p50 ?? 0;
  return {
    url,
    bytes: timing(loads.map((l) => l.bytes))!,
    bytesByKind: Object.fromEntries(KINDS.map((k) => [k, p50OfKind(k)])) as Record<Kind, number>,
    requests: timing(loads.map((l) => l.requests))!,
    imageRequests: timing(loads.map((l) => l.images.length))!,
    lcpMs: timing(loads.map((l) => l.lcpMs)),
    lcpLoadedMs: timing(loads.map((l) => l.lcpLoadedMs)),
    loadEventMs: timing(loads.map((l) => l.loadEventMs)),
    firstByteMs: timing(loads.map((l) => l.firstByteMs)),
    fcpMs: timing(loads.map((l) => l.fcpMs)),
    endMs: timing(loads.map((l) => l.endMs))!,
    capped: loads.filter((l) => l.capped).length,
    lcpElements: [...elements.values()].sort((a, b) => b.loads - a.loads),
  };
}

function runChecks(
  loads: Load[],
  summary: Record<PageKind, PageSummary>,
  options: SharePageOptions,
  lcpRatio: number,
): SharePageResult["checks"] {
  const ours = loads.filter((l) => l.page === "ours");
  const measured = ours.filter((l) => !l.warmup);
  const originals = [...new Set(ours.flatMap((l) => l.originals))];
  const failed = [...new Set(ours.flatMap((l) => l.failed))];
  const thumbs = measured.map((l) => l.images.filter((i) => /\/image\/\d+\?w=\d+$/.test(i.url)));
  const fewest = Math.min(...thumbs.map((t) => t.length));
  const mb = (bytes: number) => (bytes / MB).toFixed(2);
  return [
    {
      name: `Transfer before scrolling <= ${mb(options.goalBytes)} MB (every load)`,
      pass: summary.ours.bytes.max <= options.goalBytes,
      detail: `max ${mb(summary.ours.bytes.max)} MB, p50 ${mb(summary.ours.bytes.p50)} MB (naive p50 ${mb(summary.naive.bytes.p50)} MB)`,
    },
    {
      name: `LCP p50 ours / LCP p50 first <= ${options.goalLcpRatio}×`,
      pass: lcpRatio <= options.goalLcpRatio,
      detail: `${summary.ours.lcpMs?.p50.toFixed(0) ?? "-"} / ${summary.first.lcpMs?.p50.toFixed(0) ?? "-"} ms = ${lcpRatio.toFixed(2)}× (naive ${((summary.naive.lcpMs?.p50 ?? NaN) / (summary.first.lcpMs?.p50 ?? NaN)).toFixed(2)}×)`,
    },
    {
      name: "No original requested by our page before scrolling (warm-up included)",
      pass: originals.length === 0,
      detail: originals.length ? originals.join(", ") : "none requested",
    },
    {
      name: "Our page's thumbnails load (every request answered, at least the first 2 tiles)",
      pass: failed.length === 0 && fewest >= 2,
      detail: failed.length
        ? `failed: ${failed.join(", ")}`
        : `${fewest}–${Math.max(...thumbs.map((t) => t.length))} thumbnails per load`,
    },
  ];
}

function notes(
  options: SharePageOptions,
  build: BuildReport,
  generated: number,
  baselineBuildSeconds: number,
): string[] {
  const { width, height, deviceScaleFactor } = options.viewport;
  const { downMbps, upMbps, latencyMs } = options.network;
  return [
    `Build: the app is served by \`next start\` (demo mode, FAL_KEY empty, DEMO_STORAGE_MB=${options.demoStorageMb}, DATA_DIR a temp folder) from ${DIST_DIR}; ${build.rebuilt ? `rebuilt this time (${build.reason}, ${build.seconds.toFixed(0)} s)` : "reused this time"}. The baselines are a separate Next app written to a temp folder (the repo's node_modules symlinked), built with \`next build\` (${baselineBuildSeconds.toFixed(0)} s this time) and served by \`next start\` on port ${options.baselinePort}. Builds and image generation are not counted in the bench time.`,
    `Images: ${options.images} photo-like RGB PNGs of ${options.size}² made with sharp (adaptive row filters), deterministic per index: a gradient with soft lights, large soft shapes, 1,000–3,000 small crisp ones, a 4–128 px texture and grain. Flat renders (the demo renderer's) compress to a few hundred KB and would flatter every page; these weigh what a model's PNG does, and their WebP thumbnails what a photo's do. ${generated ? `Made this run (${generated})` : "Reused"} from the cache in the OS temp folder (GENERATOR_VERSION in bench/bench-images.ts). Uploaded as the app uploads (POST /api/fal/proxy storage initiate, then PUT), shared with POST /api/shares (Origin = the app's origin).`,
    `Pages: ours = /s/<id>; first = a static page with only the first original in an <img> at the viewport's width (the "bare Next page showing the same first image"); naive = the ${options.images} originals in a responsive grid of plain <img loading="lazy"> (one column on a phone). The baselines' images come cross-origin from the app, as a share page's fal media URLs would.`,
    `Loads: a fresh browser context each (empty cache), ${width}×${height} CSS px at ${deviceScaleFactor}x, isMobile, hasTouch; CDP Network.emulateNetworkConditions ${downMbps} Mbps down, ${upMbps} Mbps up, ${latencyMs} ms latency, and Emulation.setCPUThrottlingRate ${options.cpuSlowdown}. No input and no scrolling (checked: scrollY stays 0). Order: ours, naive, first, repeated; round 0 is a warm-up (it makes our server's thumbnails, which it keeps in memory, and wakes each server), then ${options.loads} measured rounds.`,
    `Transferred = the sum of CDP encodedDataLength (headers and bodies as received) of every request from navigation until no request has been open for ${options.idleMs / 1000} s after the load event, or ${options.capMs / 1000} s after navigation ("capped"); a request still open then counts what it had received. Everything the page fetched counts: HTML, scripts, CSS, fonts, images. The transfer goal is judged on the largest of our loads, not the median: it is a budget.`,
    "LCP = startTime of the page's last largest-contentful-paint entry (the bench sends no input, so none is cut short), from navigation start; \"LCP image loaded\" is that entry's loadTime, so LCP minus it is the wait for a frame (main-thread work under the CPU slowdown). The baselines' originals are cross-origin without Timing-Allow-Origin: Chromium still gives them a (coarsened) renderTime; a load where it did not (its LCP is then the load time, a little early, flattering the baseline) is listed under the tables.",
    "The cold first visit (warm-up round) is shown apart: our server makes each thumbnail on first request (sharp, two at a time) and keeps it, so the first client to open a fresh share pays for it.",
    "Absolute numbers only compare within one run on one machine; the ratios and the byte counts travel better.",
  ];
}

/** The result as plain-text tables, for the terminal. */
export function formatSharePage(result: SharePageResult): string {
  const mb = (bytes: number) => (bytes / MB).toFixed(2);
  const kb = (bytes: number) => (bytes / 1000).toFixed(0);
  const cell = (t: Timing | null, format: (value: number) => string) =>
    t ? `${format(t.p50)} (${format(t.min)}–${format(t.max)})` : "-";
  const ms = (value: number) => value.toFixed(0);
  const count = (value: number) => value.toFixed(0);
  const s = result.summary;
  const metric = (label: string, of: (p: PageSummary) => string) => [
    label,
    ...PAGES.map((page) => of(s[page])),
  ];
  const ratio = (page: PageKind) =>
    ((s[page].lcpMs?.p50 ?? NaN) / (s.first.lcpMs?.p50 ?? NaN)).toFixed(2) + "×";
  const rows = [
    metric("transferred before scrolling (MB)", (p) => cell(p.bytes, mb)),
    metric("  of which images (MB, p50)", (p) => mb(p.bytesByKind.image)),
    metric("requests", (p) => cell(p.requests, count)),
    metric("image requests", (p) => cell(p.imageRequests, count)),
    metric("HTML first byte (ms)", (p) => cell(p.firstByteMs, ms)),
    metric("FCP (ms)", (p) => cell(p.fcpMs, ms)),
    metric("LCP image loaded (ms)", (p) => cell(p.lcpLoadedMs, ms)),
    metric("LCP (ms)", (p) => cell(p.lcpMs, ms)),
    ["LCP p50 / first's", ...PAGES.map(ratio)],
    metric("load event (ms)", (p) => cell(p.loadEventMs, ms)),
    metric("network idle (ms; capped loads)", (p) => `${cell(p.endMs, ms)}; ${p.capped}`),
  ];
  const breakdown = PAGES.map((page) => [page, ...KINDS.map((k) => kb(s[page].bytesByKind[k]))]);
  const lcpRows = PAGES.flatMap((page) =>
    s[page].lcpElements.map((e) => [page, e.element, e.url || "(text)", String(e.loads)]),
  );
  const median = (page: PageKind) => {
    const loads = result.loads.filter((l) => l.page === page && !l.warmup);
    return loads.find((l) => l.bytes === s[page].bytes.p50) ?? loads[0];
  };
  const oursImages = median("ours")?.images ?? [];
  const cold = result.coldOurs;
  const im = result.images;
  const { width, height, deviceScaleFactor } = result.options.viewport;
  const { downMbps, upMbps, latencyMs } = result.options.network;
  return [
    `Share page: a share of ${im.count} images of ${result.options.size}² on a phone (${width}×${height} @${deviceScaleFactor}x, ${downMbps}/${upMbps} Mbps, ${latencyMs} ms, CPU ${result.options.cpuSlowdown}× slower; ${result.browser}), ${result.options.loads} loads per page interleaved after one warm-up round, no scrolling`,
    `Bench time ${result.durationSeconds.toFixed(1)} s; app build ${result.build.rebuilt ? `${result.build.seconds.toFixed(1)} s on top (${result.build.reason})` : `reused (${result.build.reason})`}; baseline app build ${result.baselineBuildSeconds.toFixed(1)} s on top`,
    `Images: ${im.count} PNGs, mean ${mb(im.meanBytes)} MB (${mb(im.minBytes)}–${mb(im.maxBytes)}), ${im.generated ? `${im.generated} made in ${im.seconds.toFixed(1)} s (on top)` : `reused from the temp-folder cache`}${im.fromCache && im.generated ? `, ${im.fromCache} reused` : ""}; uploaded in ${im.uploadSeconds.toFixed(1)} s; share ${result.share.path}`,
    "",
    table(["metric: p50 (min–max)", "ours /s/<id>", "naive /naive", "first /first"], rows, "left"),
    "",
    "Transferred by type (p50 KB)",
    table(["page", ...KINDS], breakdown, "left"),
    "",
    "LCP element (loads)",
    table(["page", "element", "url", "loads"], lcpRows, "left"),
    "",
    `Images our page fetched (load at p50 bytes): ${oursImages.map((i) => `${i.url.replace(/^\/s\/<id>\/image\//, "#")} ${kb(i.bytes)} KB`).join(", ") || "none"}`,
    ...(() => {
      const early = result.loads.filter(
        (l) => !l.warmup && l.lcpMs !== null && !l.lcpRenderTimeKnown,
      );
      return early.length
        ? [
            `LCP without renderTime (load time used): ${early.map((l) => `${l.page} #${l.round}`).join(", ")}`,
          ]
        : [];
    })(),
    cold
      ? `Cold first visit of ours (warm-up; thumbnails made on request): ${mb(cold.bytes)} MB, LCP ${cold.lcpMs?.toFixed(0) ?? "-"} ms (${((cold.lcpMs ?? NaN) / (s.first.lcpMs?.p50 ?? NaN)).toFixed(2)}× first's p50)`
      : "",
    "",
    "Checks:",
    ...result.checks.map((c) => `- ${c.pass ? "PASS" : "FAIL"} ${c.name}: ${c.detail}`),
    ...verdictAndNotes(result.goal.pass, result.notes),
  ].join("\n");
}
