/**
 * Gallery bytes: what a returning visitor's browser downloads in images to see `/` with 100 runs
 * of realistic results in history (photo-like 2048² PNGs of ~6 MB, bench/bench-images.ts,
 * uploaded to the demo backend as the app uploads, each result its own file), at first view and
 * after scrolling the whole history, in headless Chromium against `next start` in demo mode.
 *
 * Three cases side by side, each a fresh browser context seeded with the same runs (IndexedDB at
 * version 3, as stored before thumbnails existed; the app upgrades it):
 * - "full-size (before)": every result by its full-size URL, as the gallery showed them until now
 *   (the bench-only localStorage switch in lib/gallery/thumbnails.ts);
 * - "thumbnails, cold": no thumbnail made yet; each is made by the server's route and kept;
 * - "thumbnails, warm": the cold context reloaded, every thumbnail kept in IndexedDB.
 * Bytes are CDP's encodedDataLength of every response that carries an image: demo files
 * (originals), thumbnail route answers, and anything with an image/* type.
 */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { launchBenchBrowser } from "./browser";
import { THUMBNAILS_SWITCH_KEY } from "../lib/gallery/thumbnails";
import { THUMBNAIL_ROUTE } from "../lib/gallery/thumbnail-url";
import { makeImages, uploadAll } from "./bench-images";
import { ensureBuild, sleep, startServer, type BuildReport, benchResources } from "./next-app";
import { table, verdictAndNotes } from "./table";

export interface GalleryBytesOptions {
  runs: number;
  /** Images of each run, in turn (the mean sets the number of files). */
  imagesPerRun: number[];
  /** Distinct PNGs made (cached); each result is its own uploaded copy of one of them. */
  distinctImages: number;
  size: number;
  viewport: { width: number; height: number };
  /** Goals (issue text), bytes: the first view, and the first view plus the whole scroll. */
  goalFirstViewBytes: number;
  goalScrollBytes: number;
  /** Quiet time that ends a measurement: no image request pending for this long. */
  idleMs: number;
  demoStorageMb: number;
  port: number;
}

export const DEFAULT_OPTIONS: GalleryBytesOptions = {
  runs: 100,
  imagesPerRun: [2, 1, 3, 2],
  distinctImages: 40,
  size: 2048,
  viewport: { width: 1280, height: 900 },
  goalFirstViewBytes: 3_000_000,
  goalScrollBytes: 15_000_000,
  idleMs: 1500,
  demoStorageMb: 2048,
  port: 3500,
};

type CaseName = "full-size (before)" | "thumbnails, cold" | "thumbnails, warm";

const FILES = "/api/demo-fal/files/";
/** Names the uploading client (see uploadInChunks); the browser never sends it. */
const CLIENT_HEADER = "x-bench-client";
const MB = 1_000_000;

interface Traffic {
  bytes: number;
  requests: number;
  /** Full-size files fetched (the demo backend's files). */
  originals: number;
  thumbnails: number;
}

export interface CaseResult {
  case: CaseName;
  firstView: Traffic;
  /** The first view plus everything scrolling to the end of the history fetched. */
  wholeScroll: Traffic;
  firstViewSeconds: number;
  scrollSeconds: number;
  /** Result images in the page once scrolled to the end, and how many showed a picture. */
  resultImages: number;
  drawn: number;
}

export interface GalleryBytesResult {
  name: "gallery-bytes";
  options: GalleryBytesOptions;
  browser: string;
  build: BuildReport;
  images: { files: number; meanBytes: number; generated: number; seconds: number };
  cases: CaseResult[];
  checks: { name: string; pass: boolean; detail: string }[];
  goal: { firstViewBytes: number; wholeScrollBytes: number; pass: boolean };
  notes: string[];
  durationSeconds: number;
}

export async function benchGalleryBytes(
  options: GalleryBytesOptions = DEFAULT_OPTIONS,
): Promise<GalleryBytesResult> {
  const started = performance.now();
  const { children, dirs, release } = benchResources();
  let browser: Browser | undefined;
  try {
    const build = await ensureBuild(children, "Gallery bytes");
    const made = await makeImages(options.distinctImages, options.size, "Gallery bytes");
    const counts = Array.from(
      { length: options.runs },
      (_, i) => options.imagesPerRun[i % options.imagesPerRun.length]!,
    );
    const total = counts.reduce((a, b) => a + b, 0);
    const files = Array.from({ length: total }, (_, i) => made.files[i % made.files.length]!);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "gallery-bytes-data-"));
    dirs.push(dataDir);
    const origin = `http://127.0.0.1:${options.port}`;
    await startServer(options.port, children, {
      DEMO_STORAGE_MB: String(options.demoStorageMb),
      DATA_DIR: dataDir,
      REDIS_URL: "",
      ACCESS_PASSWORD: "",
      TRUSTED_IP_HEADER: CLIENT_HEADER,
    });
    console.log(`Gallery bytes: uploading ${total} results (${options.runs} runs).`);
    const urls = await uploadInChunks(origin, files);
    const seed = seedScript(urls, counts, options.size, Date.now());
    browser = await launchBenchBrowser();

    const cases: CaseResult[] = [];
    const fresh = async (fullSize: boolean) => {
      const context = await browser!.newContext({ viewport: options.viewport });
      const page = await context.newPage();
      await page.goto(`${origin}/icon.svg`);
      const seeded = await page.evaluate(seed);
      if (seeded !== options.runs) throw new Error(`seeded ${String(seeded)} runs`);
      await page.evaluate(
        ([key, off]) => (off ? localStorage.setItem(key, "off") : localStorage.removeItem(key)),
        [THUMBNAILS_SWITCH_KEY, fullSize] as const,
      );
      return { context, page };
    };

    const before = await fresh(true);
    cases.push(await measure(before.context, before.page, origin, "full-size (before)", options));
    await before.context.close();

    const ours = await fresh(false);
    cases.push(await measure(ours.context, ours.page, origin, "thumbnails, cold", options));
    cases.push(await measure(ours.context, ours.page, origin, "thumbnails, warm", options));
    await ours.context.close();

    const version = browser.version();
    await browser.close();
    browser = undefined;

    const sizes = made.files.map((file) => file.byteLength);
    const checks = runChecks(cases, options, total);
    const worst = (key: "firstView" | "wholeScroll") =>
      Math.max(...cases.filter((c) => c.case !== "full-size (before)").map((c) => c[key].bytes));
    return {
      name: "gallery-bytes",
      options,
      browser: `Chromium ${version} (headless)`,
      build,
      images: {
        files: total,
        meanBytes: files.reduce((a, f) => a + f.byteLength, 0) / total,
        generated: made.generated,
        seconds: made.seconds,
      },
      cases,
      checks,
      goal: {
        firstViewBytes: worst("firstView"),
        wholeScrollBytes: worst("wholeScroll"),
        pass: checks.every((check) => check.pass),
      },
      notes: [
        `${options.runs} runs, ${total} results (${sizes.length} distinct photo-like ${options.size}² PNGs, mean ${(sizes.reduce((a, b) => a + b, 0) / sizes.length / MB).toFixed(1)} MB, each uploaded as its own file); viewport ${options.viewport.width}×${options.viewport.height}, loopback, no throttling.`,
        "Bytes: CDP encodedDataLength of every image response (originals, thumbnail route, image/*), until no image request was pending for " +
          `${options.idleMs} ms; "whole scroll" includes the first view.`,
        "Warm is the cold context reloaded: every thumbnail comes from IndexedDB, none from the network.",
        build.rebuilt
          ? `The app was built first (${build.reason}, ${build.seconds.toFixed(0)} s, not counted).`
          : `Build reused: ${build.reason}.`,
      ],
      durationSeconds: (performance.now() - started) / 1000 - build.seconds - made.seconds,
    };
  } finally {
    await browser?.close().catch(() => {});
    await release();
  }
}

/**
 * uploadAll in chunks of 20, each chunk as its own client (the proxy allows 60 uploads a minute
 * per client; the server trusts TRUSTED_IP_HEADER here), a chunk sent again if it broke.
 */
async function uploadInChunks(origin: string, files: Buffer[]): Promise<string[]> {
  const urls: string[] = [];
  for (let start = 0; start < files.length; start += 20) {
    const chunk = files.slice(start, start + 20);
    for (let attempt = 1; ; attempt++) {
      try {
        urls.push(
          ...(await uploadAll(origin, chunk, `gallery-bench-${start}`, {
            [CLIENT_HEADER]: `10.0.${start >> 8}.${start & 255}`,
          })),
        );
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        console.log(
          `Gallery bytes: upload of files ${start + 1}… broke (${String(error)}); again.`,
        );
        await sleep(2000);
      }
    }
  }
  return urls;
}

/** Opens `/` in the context, then scrolls to the end of the history, counting image bytes. */
async function measure(
  context: BrowserContext,
  page: Page,
  origin: string,
  name: CaseName,
  options: GalleryBytesOptions,
): Promise<CaseResult> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
  const requests = new Map<string, { url: string; image: boolean; done: boolean; bytes: number }>();
  let lastEvent = performance.now();
  const isImageUrl = (url: string) => url.includes(FILES) || url.includes(THUMBNAIL_ROUTE);
  cdp.on("Network.requestWillBeSent", (event) => {
    if (event.request.url.startsWith("data:") || event.request.url.startsWith("blob:")) return;
    requests.set(event.requestId, {
      url: event.request.url,
      image: event.type === "Image" || isImageUrl(event.request.url),
      done: false,
      bytes: 0,
    });
    lastEvent = performance.now();
  });
  cdp.on("Network.responseReceived", (event) => {
    const request = requests.get(event.requestId);
    if (request && event.response.mimeType.startsWith("image/")) request.image = true;
  });
  const finish = (id: string, bytes: number) => {
    const request = requests.get(id);
    if (!request) return;
    request.done = true;
    request.bytes = bytes;
    lastEvent = performance.now();
  };
  cdp.on("Network.loadingFinished", (event) => finish(event.requestId, event.encodedDataLength));
  cdp.on("Network.loadingFailed", (event) => finish(event.requestId, 0));
  const traffic = (): Traffic => {
    const images = [...requests.values()].filter((r) => r.image && !r.url.includes("check=1"));
    return {
      bytes: images.reduce((sum, r) => sum + r.bytes, 0),
      requests: images.length,
      originals: images.filter((r) => r.url.includes(FILES)).length,
      thumbnails: images.filter((r) => r.url.includes(THUMBNAIL_ROUTE)).length,
    };
  };
  const settle = async () => {
    const deadline = performance.now() + 300_000;
    while (performance.now() < deadline) {
      const pending = [...requests.values()].some((r) => r.image && !r.done);
      if (!pending && performance.now() - lastEvent >= options.idleMs) return;
      await sleep(100);
    }
    throw new Error(`${name}: images still loading after 300 s`);
  };

  const t0 = performance.now();
  await page.goto(origin, { waitUntil: "domcontentloaded" });
  await page.locator('img[alt^="Result"]').first().waitFor({ timeout: 60_000 });
  await settle();
  const firstView = traffic();
  const firstViewSeconds = (performance.now() - t0 - options.idleMs) / 1000;

  const t1 = performance.now();
  let still = 0;
  let lastHeight = 0;
  while (still < 4) {
    const { atEnd, height } = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 0.9);
      const root = document.scrollingElement!;
      return {
        atEnd: root.scrollTop + window.innerHeight >= root.scrollHeight - 2,
        height: root.scrollHeight,
      };
    });
    still = atEnd && height === lastHeight ? still + 1 : 0;
    lastHeight = height;
    await sleep(250);
  }
  await settle();
  const wholeScroll = traffic();
  const scrollSeconds = (performance.now() - t1 - options.idleMs) / 1000;
  const { resultImages, drawn } = await page.evaluate(() => {
    const imgs = [...document.querySelectorAll<HTMLImageElement>('img[alt^="Result"]')];
    return {
      resultImages: imgs.length,
      drawn: imgs.filter((img) => img.complete && img.naturalWidth > 0).length,
    };
  });
  await cdp.detach();
  return {
    case: name,
    firstView,
    wholeScroll,
    firstViewSeconds,
    scrollSeconds,
    resultImages,
    drawn,
  };
}

/**
 * `runs` completed runs, newest first, their results taken from `urls` in order, written as
 * lib/history/history-db.ts stored them at version 3 (before thumbnails). Plain JavaScript.
 */
function seedScript(urls: string[], counts: number[], size: number, now: number) {
  let next = 0;
  const runs = counts.map((count, i) => {
    const images = urls.slice(next, next + count).map((url, k) => ({
      url,
      content_type: "image/png",
      file_name: `result-${i + 1}-${k + 1}.png`,
      width: size,
      height: size,
    }));
    next += count;
    return {
      id: `gallery-bench-${i + 1}`,
      requestId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
      input: {
        prompt: `Run ${i + 1}: a sunlit studio still life, soft window light, film grain.`,
        reference_image_urls: [],
        image_size: { width: size, height: size },
        num_inference_steps: 28,
        guidance_scale: 0,
        num_images: count,
        output_format: "png",
        sync_mode: false,
        enable_safety_checker: true,
        keep_original_aspect: false,
      },
      phase: "completed",
      output: {
        images,
        seed: 1000 + i,
        has_nsfw_concepts: images.map(() => false),
        prompt: `Run ${i + 1}`,
        timings: { inference: 12.5 },
      },
      submittedAt: now - (i + 1) * 60_000,
      startedAt: now - (i + 1) * 60_000 + 1000,
      completedAt: now - (i + 1) * 60_000 + 15_000,
    };
  });
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

function runChecks(cases: CaseResult[], options: GalleryBytesOptions, results: number) {
  const of = (name: CaseName) => cases.find((c) => c.case === name)!;
  const cold = of("thumbnails, cold");
  const warm = of("thumbnails, warm");
  const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;
  return [
    {
      name: `First view <= ${mb(options.goalFirstViewBytes)} of images (cold and warm)`,
      pass: Math.max(cold.firstView.bytes, warm.firstView.bytes) <= options.goalFirstViewBytes,
      detail: `cold ${mb(cold.firstView.bytes)}, warm ${mb(warm.firstView.bytes)}; before ${mb(of("full-size (before)").firstView.bytes)}`,
    },
    {
      name: `Whole history scrolled <= ${mb(options.goalScrollBytes)} of images (cold and warm)`,
      pass: Math.max(cold.wholeScroll.bytes, warm.wholeScroll.bytes) <= options.goalScrollBytes,
      detail: `cold ${mb(cold.wholeScroll.bytes)}, warm ${mb(warm.wholeScroll.bytes)}; before ${mb(of("full-size (before)").wholeScroll.bytes)}`,
    },
    {
      name: "No full-size file fetched by the gallery with thumbnails",
      pass: cold.wholeScroll.originals === 0 && warm.wholeScroll.originals === 0,
      detail: `originals fetched: cold ${cold.wholeScroll.originals}, warm ${warm.wholeScroll.originals}`,
    },
    {
      // Not "drawn": a lazy <img> scrolled past before its src was set is never decoded, in
      // either case (the first run counted 11/200 cold, 195/200 before), which says nothing
      // about bytes or whether a picture would be there when looked at. Nor the images in the
      // page at the end: the list renders only a window of runs (about 36) near the screen.
      name: "Each result's thumbnail made once when cold, none fetched when warm",
      pass:
        cases.every((c) => c.resultImages > 0) &&
        cold.wholeScroll.thumbnails === results &&
        warm.wholeScroll.thumbnails === 0,
      detail:
        `thumbnails fetched cold ${cold.wholeScroll.thumbnails} of ${results}, warm ${warm.wholeScroll.thumbnails}; ` +
        cases.map((c) => `${c.case}: ${c.drawn}/${c.resultImages} in the page decoded`).join("; "),
    },
  ];
}

export function formatGalleryBytes(result: GalleryBytesResult): string {
  const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;
  const rows = result.cases.map((c) => [
    c.case,
    mb(c.firstView.bytes),
    `${c.firstView.requests} (${c.firstView.originals} full)`,
    mb(c.wholeScroll.bytes),
    `${c.wholeScroll.requests} (${c.wholeScroll.originals} full)`,
    `${c.firstViewSeconds.toFixed(1)} / ${c.scrollSeconds.toFixed(1)} s`,
  ]);
  return [
    `Gallery bytes: ${result.options.runs} runs, ${result.images.files} results of ~${(result.images.meanBytes / MB).toFixed(1)} MB each (${result.browser})`,
    "",
    table(
      ["case", "first view", "requests", "whole scroll", "requests", "first view / scroll"],
      rows,
    ),
    "",
    result.checks
      .map((check) => `${check.pass ? "PASS" : "FAIL"}  ${check.name}: ${check.detail}`)
      .join("\n"),
    ...verdictAndNotes(result.goal.pass, result.notes),
  ].join("\n");
}
