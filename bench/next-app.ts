/**
 * The production build the browser benches run against: built once into .next-bench (rebuilt only
 * when a source is newer than its BUILD_ID) and served by `next start` in demo mode, each server
 * in its own process group so it can be measured and stopped as a whole.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The build folder: next.config.mjs reads distDir from NEXT_DIST_DIR. Never `.next`. */
export const DIST_DIR = ".next-bench";
/** A build older than the newest file here is rebuilt. */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.mjs",
  "package-lock.json",
];
/** `next build` rewrites these for its distDir; they are put back as they were afterwards. */
const REWRITTEN_BY_BUILD = ["tsconfig.json", "next-env.d.ts"];

async function newestMtime(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of await readdir(entry, { recursive: true })) {
    const child = await stat(path.join(entry, name)).catch(() => undefined);
    if (child && child.mtimeMs > newest) newest = child.mtimeMs;
  }
  return newest;
}

/** Puts tsconfig.json and next-env.d.ts back while a build may have edited them (and drops an
 * unfinished build's BUILD_ID). */
let undoBuildEdits: (() => void) | undefined;

/** For a bench interrupted mid-build (its own `finally` would not run). */
export function undoPendingBuildEdits(): void {
  undoBuildEdits?.();
}

export interface BuildReport {
  rebuilt: boolean;
  reason: string;
  seconds: number;
}

/**
 * Builds into .next-bench unless its BUILD_ID is newer than every source file. `next build`
 * adds its distDir's type globs to tsconfig.json and points next-env.d.ts at it; both are put
 * back byte for byte (and with their old mtime) once the build is over, failed or not.
 */
export async function ensureBuild(
  children: Set<ChildProcess>,
  label: string,
): Promise<BuildReport> {
  const buildId = path.join(REPO, DIST_DIR, "BUILD_ID");
  const builtAt = existsSync(buildId) ? (await stat(buildId)).mtimeMs : 0;
  const sources = Math.max(
    ...(await Promise.all(BUILD_INPUTS.map((entry) => newestMtime(path.join(REPO, entry))))),
  );
  if (builtAt && builtAt >= sources)
    return { rebuilt: false, reason: `${DIST_DIR}/BUILD_ID is newer than the sources`, seconds: 0 };
  const reason = builtAt
    ? `sources changed after the last ${DIST_DIR} build`
    : `no ${DIST_DIR} build yet`;
  console.log(`${label}: building the app into ${DIST_DIR} (${reason}); this takes a while.`);
  const saved = await Promise.all(
    REWRITTEN_BY_BUILD.map(async (name) => {
      const file = path.join(REPO, name);
      const info = await stat(file).catch(() => undefined);
      return { file, info, text: info ? await readFile(file, "utf8") : undefined };
    }),
  );
  let built = false;
  // Also run if the bench is interrupted mid-build (the finally below would not).
  undoBuildEdits = () => {
    // Next writes BUILD_ID before the build's last steps: a build that did not finish must not
    // pass for a fresh one next time.
    if (!built) rmSync(buildId, { force: true });
    for (const { file, info, text } of saved) {
      if (text === undefined || !info) continue;
      let now: string | undefined;
      try {
        now = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      // Only undo Next's own edit for the bench folder, never someone else's change.
      if (now !== text && now.includes(DIST_DIR)) {
        writeFileSync(file, text);
        utimesSync(file, info.atime, info.mtime);
      }
    }
  };
  const started = performance.now();
  try {
    const build = spawn("npx", ["next", "build"], {
      cwd: REPO,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      // Source maps let bench/first-load.ts name the modules in each chunk; the browser never
      // fetches them, and the only bytes they add to a chunk are its sourceMappingURL comment.
      env: {
        ...process.env,
        NEXT_DIST_DIR: DIST_DIR,
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_BROWSER_SOURCE_MAPS: "1",
      },
    });
    children.add(build);
    const output = collectOutput(build);
    const [code] = await onceExited(build);
    children.delete(build);
    if (code !== 0)
      throw new Error(
        `next build into ${DIST_DIR} failed (exit ${code}):\n${output().slice(-4000)}`,
      );
    built = true;
  } finally {
    undoBuildEdits();
    undoBuildEdits = undefined;
  }
  return { rebuilt: true, reason, seconds: (performance.now() - started) / 1000 };
}

/**
 * `next start` on the bench build in demo mode (no key: the app's embedded backend, nothing
 * leaves the machine), in its own process group; `env` adds to or overrides its environment.
 */
export async function startServer(
  port: number,
  children: Set<ChildProcess>,
  env: Record<string, string> = {},
) {
  const url = `http://127.0.0.1:${port}`;
  if (await answers(url))
    throw new Error(`${url} already answers: something else uses port ${port}`);
  // Demo mode (no key): the app's embedded backend, nothing leaves the machine.
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: REPO,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      FAL_KEY: "",
      FAL_KEY_ID: "",
      FAL_KEY_SECRET: "",
      FAL_UPSTREAM_URL: "",
      ...env,
    },
  });
  children.add(child);
  const output = collectOutput(child);
  const deadline = Date.now() + 60_000;
  while (!(await answers(url))) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`next start exited early:\n${output().slice(-4000)}`);
    if (Date.now() > deadline)
      throw new Error(`next start did not answer within 60 s:\n${output()}`);
    await sleep(200);
  }
  return {
    /** The server's process group: npx, next and anything they started. */
    group: child.pid!,
    stop: async () => {
      await stopChild(child);
      children.delete(child);
    },
  };
}

export async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function collectOutput(child: ChildProcess): () => string {
  const chunks: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  return () => chunks.join("");
}

function onceExited(child: ChildProcess): Promise<[number | null, NodeJS.Signals | null]> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve([child.exitCode, child.signalCode]);
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve([code, signal])));
}

/** Signals the child's whole process group (npx, next and its workers; npx may exit first). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export async function stopChild(child: ChildProcess) {
  const exited = onceExited(child);
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
  // npx may exit before next does: make sure nothing of the group is left.
  killGroup(child, "SIGKILL");
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What a bench starts and makes: `children` (servers in their own process groups, which Ctrl-C
 * does not reach) are killed and `dirs` removed if the bench is interrupted or exits early;
 * `release()` stops and removes them in order once it is done.
 */
export function benchResources() {
  const children = new Set<ChildProcess>();
  const dirs: string[] = [];
  const stopAll = () => children.forEach((child) => killGroup(child, "SIGKILL"));
  const onSignal = (signal: NodeJS.Signals) => {
    stopAll();
    undoPendingBuildEdits();
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("exit", stopAll);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return {
    children,
    dirs,
    async release() {
      await Promise.all([...children].map((child) => stopChild(child)));
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
      process.off("exit", stopAll);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}
