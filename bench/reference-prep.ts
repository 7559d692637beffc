/**
 * Reference preparation (lib/images/prepare.ts) on a 24-megapixel camera JPEG, run for real in
 * headless Chromium: the bytes it sends compared with the original, the size it keeps, and the
 * time from drop to "ready" (prepared and uploaded) beside uploading the raw file, against the
 * local fal-compatible backend's storage. One run, flows interleaved so drift hits both alike.
 *
 * The photo is synthetic but camera-like: a scene of gradients and shapes under grey texture at
 * four scales (fine noise like sensor grain and foliage, coarser like stone and cloth). Flat
 * colours would compress far better than any photo and flatter the ratio. It carries EXIF
 * orientation 6 (stored 6000×4000, shown 4000×6000), as a phone held upright writes it, and a red
 * square in the stored top-left corner, which must end up top-right once turned upright.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { launchBenchBrowser } from "./browser";
import { build } from "esbuild";
import sharp from "sharp";
import { serveHandler, type RunningServer } from "@/lib/emulator/serve";
import { startStandaloneBackend } from "@/lib/emulator/standalone";
import type { PreparedReference, PrepareStep } from "@/lib/images/prepare";
import { MAX_REFERENCE_BYTES } from "@/lib/images/sniff";
import {
  benchReferenceBurst,
  formatReferenceBurst,
  type ReferenceBurstResult,
} from "./reference-burst";
import { cameraJpeg, STORED } from "./camera-photos";
import { percentile } from "./stats";
import { table, verdictAndNotes } from "./table";

export interface ReferencePrepOptions {
  /** Measured drops per flow, after one unmeasured round. */
  runs: number;
  /** Bytes sent must be at most this share of the original. */
  goalBytesRatio: number;
  /** The prepared image must keep at least this many megapixels. */
  goalMinMegapixels: number;
}

export const DEFAULT_OPTIONS: ReferencePrepOptions = {
  runs: 5,
  goalBytesRatio: 0.15,
  goalMinMegapixels: 4,
};

/** "prepared" as shipped; "whole decode" the same without the reduced-scale JPEG decode. */
const FLOWS = ["prepared", "whole decode", "raw"] as const;
const PREPARED_FLOWS = ["prepared", "whole decode"] as const;
type Flow = (typeof FLOWS)[number];
const STEPS: readonly PrepareStep[] = ["sniff", "decode", "resize", "alpha", "encode", "hash"];
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The flags playwright.config.ts gives Chromium on a closed network.

/** One drop, as measured in the page. */
interface Drop {
  flow: Flow;
  totalMs: number;
  prepareMs: number;
  uploadMs: number;
  sentBytes: number;
  contentType: string;
  fileUrl: string;
  steps: Partial<Record<PrepareStep, number>>;
  prepared?: Omit<PreparedReference, "blob" | "preview">;
}

interface Timing {
  p50: number;
  min: number;
  max: number;
}

export interface ReferencePrepResult {
  name: "reference-prep";
  options: ReferencePrepOptions;
  browser: string;
  source: {
    stored: string;
    displayed: string;
    orientation: number;
    bytes: number;
    megapixels: number;
  };
  prepared: {
    width: number;
    height: number;
    megapixels: number;
    bytes: number;
    contentType: string;
    hash: string;
    sameHashEveryRun: boolean;
    upright: boolean;
  };
  goals: { definition: string; value: number; pass: boolean }[];
  goal: { definition: string; pass: boolean };
  timings: Record<
    Flow,
    { totalMs: Timing; prepareMs: Timing; uploadMs: Timing; sentBytes: number }
  >;
  /** Per prepared flow: each step's p50. */
  stepsP50Ms: Record<(typeof PREPARED_FLOWS)[number], Record<PrepareStep, number>>;
  /** Uplink below which the prepared flow reaches "ready" first: bytes saved / prepare time. */
  breakEvenMbps: number;
  /** Each refusal and edge case, run through prepareReference in the same page. */
  checks: { file: string; expected: string; got: string; pass: boolean }[];
  /** Ten dropped at once on the real app, worker path against main thread (reference-burst.ts). */
  tenAtOnce: ReferenceBurstResult;
  notes: string[];
  durationSeconds: number;
}

export async function benchReferencePrep(
  options: ReferencePrepOptions = DEFAULT_OPTIONS,
): Promise<ReferencePrepResult> {
  const started = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), "reference-prep-"));
  const servers: RunningServer[] = [];
  const browser = await launchBenchBrowser();
  try {
    const camera = path.join(dir, "camera.jpg");
    const cameraBytes = await cameraJpeg();
    await writeFile(camera, cameraBytes);
    const backend = await startStandaloneBackend({ config: { queueMs: 30, stepMs: 3 } });
    servers.push(backend);
    const site = await servePage(await bundlePrepare());
    servers.push(site);
    const page = await browser.newPage();
    page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
    await page.goto(`${site.url}/bench/?backend=${encodeURIComponent(backend.url)}`);

    const drops: Drop[] = [];
    for (let round = 0; round <= options.runs; round++) {
      const order = round % 2 === 0 ? FLOWS : [...FLOWS].reverse();
      for (const flow of order) {
        const drop = await dropFile(page, flow, camera);
        if (round > 0) drops.push(drop);
      }
    }
    const checks = await runChecks(page, dir);
    const failed = checks.filter((c) => !c.pass);
    if (failed.length) {
      const lines = failed.map((c) => `${c.file}: expected "${c.expected}", got "${c.got}"`);
      throw new Error(`prepareReference misbehaved in Chromium:\n${lines.join("\n")}`);
    }
    const result = summarize(drops, cameraBytes.byteLength, options);
    const last = drops.findLast((d) => d.flow === "prepared");
    if (!last) throw new Error("no prepared drop was measured");
    const upright = await checkUpright(last.fileUrl, result.prepared);
    await browser.close();
    await Promise.all(servers.splice(0).map((server) => server.close()));
    const tenAtOnce = await benchReferenceBurst();
    return {
      name: "reference-prep",
      options,
      browser: `Chromium ${browser.version()} (headless)`,
      ...result,
      prepared: { ...result.prepared, upright },
      goal: {
        definition: `${result.goal.definition}; ten at once: ${tenAtOnce.goals.map((g) => g.definition).join("; ")}`,
        pass: result.goal.pass && tenAtOnce.pass,
      },
      checks,
      tenAtOnce,
      notes: [
        "prepared = lib/images/prepare.ts as shipped: a large JPEG is decoded at the fewest eighths of its size that cover the model's pixels (WebCodecs ImageDecoder with a desired size, jpeg-scaled-decode.ts), here half; whole decode = the same with the full-size decode it replaced (createImageBitmap, then a resize). Each flow's decode step includes its resize where the two are one call.",
        "Every flow uploads to the backend's storage as the app does: POST /storage/upload/initiate (with a key), then PUT of the bytes to the returned URL, cross-origin with CORS preflights. The page and the backend are separate local servers.",
        "Drop to ready starts at the file input's change event (the file chosen, as after a drop) and ends when the PUT answers. The file is handed to Chromium as a path, so it is a real File read from disk.",
        "Over loopback an upload costs almost nothing, so here the raw flow is quicker; the break-even uplink is where preparation starts paying off: any slower connection (most home and mobile uplinks) reaches ready sooner prepared.",
        "The ratio depends on content: the texture stands in for a detailed scene; a smooth scene compresses better at both sizes.",
      ],
      durationSeconds: (performance.now() - started) / 1000 - tenAtOnce.build.seconds,
    };
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
    await rm(dir, { recursive: true, force: true });
  }
}

/** The page's script: the real prepare.ts, bundled, plus the two flows and the checks. */
async function bundlePrepare(): Promise<string> {
  const { outputFiles } = await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: REPO, loader: "ts", sourcefile: "bench-page.ts" },
    tsconfig: path.join(REPO, "tsconfig.json"),
    bundle: true,
    format: "iife",
    target: "chrome120",
    write: false,
    logLevel: "silent",
  });
  const script = outputFiles[0]?.text;
  if (!script) throw new Error("esbuild produced no bundle");
  return script;
}

const PAGE_SCRIPT = `
import { prepareReference, ReferenceFileError } from "@/lib/images/prepare";

const backend = new URLSearchParams(location.search).get("backend");
const input = document.querySelector("input");

async function upload(blob, contentType) {
  const initiate = await fetch(backend + "/storage/upload/initiate?storage_type=fal-cdn-v3", {
    method: "POST",
    headers: { authorization: "Key bench", "content-type": "application/json" },
    body: JSON.stringify({ content_type: contentType, file_name: "reference" }),
  });
  if (!initiate.ok) throw new Error("initiate: HTTP " + initiate.status + " " + (await initiate.text()));
  const { upload_url, file_url } = await initiate.json();
  const put = await fetch(upload_url, { method: "PUT", headers: { "content-type": contentType }, body: blob });
  if (!put.ok) throw new Error("PUT: HTTP " + put.status + " " + (await put.text()));
  return file_url;
}

async function drop(flow, file, start) {
  const steps = {};
  if (flow === "check") {
    try {
      const { blob, preview, ...prepared } = await prepareReference(file);
      return { prepared };
    } catch (error) {
      if (error instanceof ReferenceFileError) return { code: error.code, message: error.message };
      throw error;
    }
  }
  const prepared = flow === "raw"
    ? undefined
    : await prepareReference(file, {
        wholeDecode: flow === "whole decode",
        onStep: (step, ms) => { steps[step] = ms; },
      });
  const preparedAt = performance.now();
  const blob = prepared ? prepared.blob : file;
  const contentType = prepared ? prepared.contentType : file.type;
  const fileUrl = await upload(blob, contentType);
  const end = performance.now();
  const { blob: _, preview: __, ...meta } = prepared ?? {};
  return {
    flow, totalMs: end - start, prepareMs: preparedAt - start, uploadMs: end - preparedAt,
    sentBytes: blob.size, contentType, fileUrl, steps, prepared: prepared ? meta : undefined,
  };
}

let armed;
input.addEventListener("change", () => {
  const start = performance.now();
  const file = input.files[0];
  const next = armed;
  armed = undefined;
  input.value = "";
  if (next && file) drop(next.flow, file, start).then(next.resolve, next.reject);
});
window.bench = { next: (flow) => new Promise((resolve, reject) => { armed = { flow, resolve, reject }; }) };
`;

function servePage(script: string): Promise<RunningServer> {
  const html = `<!doctype html><meta charset="utf-8"><title>reference-prep bench</title>
<input type="file" aria-label="Reference image"><script src="/bench/prepare.js"></script>`;
  return serveHandler((request) => {
    const { pathname } = new URL(request.url);
    if (pathname === "/bench/")
      return new Response(html, { headers: { "content-type": "text/html" } });
    if (pathname === "/bench/prepare.js")
      return new Response(script, { headers: { "content-type": "text/javascript" } });
    return new Response("not found", { status: 404 });
  });
}

/** Chooses `file` in the page's input with `flow` armed; resolves with what the page measured. */
async function dropFile<T = Drop>(page: Page, flow: Flow | "check", file: string): Promise<T> {
  const outcome = page.evaluate(`window.bench.next(${JSON.stringify(flow)})`) as Promise<T>;
  await page.locator("input[type=file]").setInputFiles(file);
  return outcome;
}

type CheckOutcome =
  { code: string; message: string } | { prepared: Omit<PreparedReference, "blob" | "preview"> };

/** Refusals and small-file cases in the real browser: each must give the expected outcome. */
async function runChecks(page: Page, dir: string): Promise<ReferencePrepResult["checks"]> {
  const small = sharp({ create: { width: 600, height: 400, channels: 3, background: "#0ea5e9" } });
  const overLimit = Buffer.alloc(MAX_REFERENCE_BYTES + 1);
  overLimit.set([0xff, 0xd8, 0xff]);
  const cases: { file: string; bytes: Buffer | Uint8Array; expected: string }[] = [
    {
      file: "empty.png",
      bytes: new Uint8Array(),
      expected: "empty: empty.png is empty (0 bytes).",
    },
    { file: "huge.jpg", bytes: overLimit, expected: "too-large: huge.jpg is over 50 MB." },
    {
      file: "notes.png",
      bytes: Buffer.from("# Notes\nnot a picture\n"),
      expected: "not-an-image: notes.png is not an image.",
    },
    {
      file: "photo.heic",
      bytes: Buffer.concat([
        Buffer.from([0, 0, 0, 24]),
        Buffer.from("ftypheic\0\0\0\0mif1heic"),
        Buffer.alloc(512),
      ]),
      expected:
        "undecodable: photo.heic is an image this browser cannot read (HEIC). Convert it to JPEG or PNG first.",
    },
    {
      file: "small.jpg",
      bytes: await small.clone().jpeg({ quality: 75 }).toBuffer(),
      expected: "image/jpeg 600×400, sent as is",
    },
    {
      file: "sideways.jpg",
      bytes: await small.clone().jpeg({ quality: 75 }).withMetadata({ orientation: 6 }).toBuffer(),
      expected: "image/jpeg 400×600, re-encoded",
    },
    {
      file: "logo.png",
      bytes: await sharp({
        create: { width: 4000, height: 3000, channels: 4, background: "#0ea5e980" },
      })
        .png()
        .toBuffer(),
      expected: "image/png 2364×1773, re-encoded",
    },
  ];
  const checks = [];
  for (const { file, bytes, expected } of cases) {
    const filePath = path.join(dir, file);
    await writeFile(filePath, bytes);
    const outcome = await dropFile<CheckOutcome>(page, "check", filePath);
    const got =
      "code" in outcome
        ? `${outcome.code}: ${outcome.message}`
        : `${outcome.prepared.contentType} ${outcome.prepared.prepared.width}×${outcome.prepared.prepared.height}, ${outcome.prepared.reencoded ? "re-encoded" : "sent as is"}`;
    checks.push({ file, expected, got, pass: got === expected });
  }
  return checks;
}

function summarize(drops: Drop[], sourceBytes: number, options: ReferencePrepOptions) {
  const of = (flow: Flow) => drops.filter((d) => d.flow === flow);
  const prepared = of("prepared");
  const info = prepared[0]?.prepared;
  if (!info) throw new Error("the prepared flow returned no preparation details");
  const hashes = new Set(prepared.map((d) => d.prepared?.hash));
  const timing = (values: number[]): Timing => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), min: sorted[0]!, max: sorted[sorted.length - 1]! };
  };
  const timings = Object.fromEntries(
    FLOWS.map((flow) => {
      const runs = of(flow);
      return [
        flow,
        {
          totalMs: timing(runs.map((d) => d.totalMs)),
          prepareMs: timing(runs.map((d) => d.prepareMs)),
          uploadMs: timing(runs.map((d) => d.uploadMs)),
          sentBytes: runs[0]?.sentBytes ?? 0,
        },
      ];
    }),
  ) as ReferencePrepResult["timings"];
  const stepsP50Ms = Object.fromEntries(
    PREPARED_FLOWS.map((flow) => [
      flow,
      Object.fromEntries(
        STEPS.map((step) => [step, timing(of(flow).map((d) => d.steps[step] ?? 0)).p50]),
      ),
    ]),
  ) as ReferencePrepResult["stepsP50Ms"];
  const megapixels = (info.prepared.width * info.prepared.height) / 1e6;
  const ratio = info.prepared.bytes / sourceBytes;
  const goals = [
    {
      definition: `bytes sent <= ${options.goalBytesRatio * 100}% of the original`,
      value: ratio,
      pass: ratio <= options.goalBytesRatio,
    },
    {
      definition: `prepared image >= ${options.goalMinMegapixels} MP`,
      value: megapixels,
      pass: megapixels >= options.goalMinMegapixels,
    },
  ];
  const savedBits = (sourceBytes - info.prepared.bytes) * 8;
  return {
    source: {
      stored: `${STORED.width}×${STORED.height}`,
      displayed: `${info.original.width}×${info.original.height}`,
      orientation: 6,
      bytes: sourceBytes,
      megapixels: (STORED.width * STORED.height) / 1e6,
    },
    prepared: {
      width: info.prepared.width,
      height: info.prepared.height,
      megapixels,
      bytes: info.prepared.bytes,
      contentType: info.contentType,
      hash: info.hash,
      sameHashEveryRun: hashes.size === 1,
    },
    goals,
    goal: {
      definition: goals.map((g) => g.definition).join("; "),
      pass: goals.every((g) => g.pass),
    },
    timings,
    stepsP50Ms,
    breakEvenMbps: savedBits / (timings.prepared.prepareMs.p50 / 1000) / 1e6,
  };
}

/**
 * Reads the uploaded prepared file back from storage: it must be portrait (orientation 6 turns
 * 6000×4000 into 4000×6000) with the stored top-left red square now top-right. Throws otherwise.
 */
async function checkUpright(fileUrl: string, expected: { width: number; height: number }) {
  const response = await fetch(fileUrl);
  if (!response.ok) throw new Error(`prepared upload not in storage: HTTP ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const { width = 0, height = 0, orientation } = await sharp(bytes).metadata();
  const corner = async (left: number) => {
    const region = { left, top: 0, width: 60, height: 60 };
    // Through a buffer: sharp's stats() describes the input, not the extracted region.
    const pixels = await sharp(bytes).extract(region).removeAlpha().raw().toBuffer();
    const mean = (channel: number) =>
      pixels.reduce((sum, value, i) => (i % 3 === channel ? sum + value : sum), 0) /
      (pixels.length / 3);
    return mean(0) > 180 && mean(1) < 90 && mean(2) < 90;
  };
  const problems = [
    width !== expected.width || height !== expected.height
      ? `stored ${width}×${height}, reported ${expected.width}×${expected.height}`
      : "",
    width >= height ? `landscape ${width}×${height}: EXIF orientation 6 was not applied` : "",
    orientation && orientation !== 1 ? `still carries EXIF orientation ${orientation}` : "",
    !(await corner(width - 60)) || (await corner(0))
      ? "the red marker is not in the top-right corner: turned the wrong way"
      : "",
  ].filter(Boolean);
  if (problems.length) throw new Error(`prepared image is not upright: ${problems.join("; ")}`);
  return true;
}

/** The result as plain-text tables, for the terminal. */
export function formatReferencePrep(result: ReferencePrepResult): string {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  const ms = (value: number) => value.toFixed(0);
  const { source, prepared, timings } = result;
  const flowRows = FLOWS.map((flow) => {
    const t = timings[flow];
    return [
      flow,
      mb(t.sentBytes),
      ms(t.totalMs.p50),
      ms(t.totalMs.min),
      ms(t.totalMs.max),
      ms(t.prepareMs.p50),
      ms(t.uploadMs.p50),
    ];
  });
  return [
    `Reference preparation: 24-MP camera JPEG in ${result.browser}`,
    table(
      ["image", "bytes", "MP", "pixels", "type"],
      [
        [
          "original",
          mb(source.bytes),
          source.megapixels.toFixed(2),
          `${source.stored} stored, ${source.displayed} shown (EXIF ${source.orientation})`,
          "image/jpeg q92 4:2:0",
        ],
        [
          "prepared",
          mb(prepared.bytes),
          prepared.megapixels.toFixed(2),
          `${prepared.width}×${prepared.height}, upright: ${prepared.upright ? "yes" : "NO"}`,
          prepared.contentType,
        ],
      ],
      "left",
    ),
    "",
    table(
      ["goal", "value", "verdict"],
      result.goals.map((g) => [
        g.definition,
        g.value < 1 ? `${(g.value * 100).toFixed(1)}%` : `${g.value.toFixed(2)} MP`,
        g.pass ? "PASS" : "FAIL",
      ]),
      "left",
    ),
    "",
    `Drop to ready (ms, ${result.options.runs} drops per flow, interleaved, after one unmeasured round)`,
    table(["flow", "sent", "p50", "min", "max", "prepare p50", "upload p50"], flowRows, "left"),
    ...PREPARED_FLOWS.map(
      (flow) =>
        `Prepare steps (${flow}), p50 ms: ${STEPS.map((s) => `${s} ${result.stepsP50Ms[flow][s].toFixed(0)}`).join(", ")}`,
    ),
    `Same hash on every run: ${prepared.sameHashEveryRun ? "yes" : "no"} (${prepared.hash.slice(0, 16)}…)`,
    `Break-even uplink: preparing reaches ready first below ${result.breakEvenMbps.toFixed(0)} Mbit/s`,
    "",
    "Checks in the browser (prepareReference on edge cases)",
    table(
      ["file", "got", "verdict"],
      result.checks.map((c) => [c.file, c.got, c.pass ? "PASS" : `FAIL (expected ${c.expected})`]),
      "left",
    ),
    "",
    formatReferenceBurst(result.tenAtOnce),
    ...verdictAndNotes(result.goal.pass, result.notes),
  ].join("\n");
}
