/**
 * A tiny separate Next app for a bench's baseline, written from a map of files into a temporary
 * folder, built with the repo's own `next` (same version, same node_modules) and served by
 * `next start` in its own process group, as bench/share-page.ts does for its baseline.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { answers, sleep } from "./next-app";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["dom", "esnext"],
    allowJs: true,
    strict: true,
    noEmit: true,
    module: "esnext",
    moduleResolution: "bundler",
    resolveJsonModule: true,
    isolatedModules: true,
    jsx: "react-jsx",
    skipLibCheck: true,
    esModuleInterop: true,
    incremental: true,
    plugins: [{ name: "next" }],
  },
  include: ["**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
  exclude: ["node_modules"],
};

function commonAncestor(a: string, b: string): string {
  const [pa, pb] = [a.split(path.sep), b.split(path.sep)];
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(path.sep) || path.sep;
}

export interface BareApp {
  dir: string;
  buildSeconds: number;
  /** `next start` on `port` with `env` added; resolves once `probePath` answers 200. */
  start(
    port: number,
    env?: Record<string, string>,
    probePath?: string,
  ): Promise<{ url: string; group: number }>;
  /** Deletes the folder (servers are stopped through `children`). */
  remove(): Promise<void>;
}

/** Writes `files` (package.json, tsconfig and next.config are added) and runs `next build`. */
export async function buildBareApp(
  name: string,
  files: Record<string, string>,
  children: Set<ChildProcess>,
): Promise<BareApp> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${name}-`));
  const root = commonAncestor(dir, REPO);
  const all: Record<string, string> = {
    "package.json": `${JSON.stringify({ name, private: true, type: "module" })}\n`,
    "tsconfig.json": `${JSON.stringify(TSCONFIG, null, 2)}\n`,
    // Turbopack resolves the symlinked node_modules to the repo's: its root must hold both.
    "next.config.mjs": `export default ${JSON.stringify({
      poweredByHeader: false,
      turbopack: { root },
      outputFileTracingRoot: root,
      typescript: { ignoreBuildErrors: true },
    })};\n`,
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  await symlink(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
  const started = performance.now();
  const build = spawnNext(dir, ["build"], children, {});
  const [code] = await exited(build.child);
  children.delete(build.child);
  if (code !== 0)
    throw new Error(`next build of ${name} failed (exit ${code}):\n${build.output().slice(-4000)}`);
  const buildSeconds = (performance.now() - started) / 1000;

  return {
    dir,
    buildSeconds,
    async start(port, env = {}, probePath = "/") {
      const url = `http://127.0.0.1:${port}`;
      if (await answers(`${url}${probePath}`))
        throw new Error(`${url} already answers: something else uses port ${port}`);
      const server = spawnNext(
        dir,
        ["start", "-p", String(port), "-H", "127.0.0.1"],
        children,
        env,
      );
      const deadline = Date.now() + 60_000;
      while (!(await answers(`${url}${probePath}`))) {
        if (server.child.exitCode !== null || server.child.signalCode !== null)
          throw new Error(`${name}: next start exited early:\n${server.output().slice(-4000)}`);
        if (Date.now() > deadline)
          throw new Error(`${name}: next start did not answer within 60 s:\n${server.output()}`);
        await sleep(200);
      }
      return { url, group: server.child.pid! };
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** `next <args>` in `dir`, in its own process group (stopped with stopChild from next-app.ts). */
function spawnNext(
  dir: string,
  args: string[],
  children: Set<ChildProcess>,
  env: Record<string, string>,
) {
  const child = spawn(path.join(REPO, "node_modules", ".bin", "next"), args, {
    cwd: dir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "", ...env },
  });
  children.add(child);
  const chunks: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  return { child, output: () => chunks.join("") };
}

function exited(child: ChildProcess): Promise<[number | null, NodeJS.Signals | null]> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve([child.exitCode, child.signalCode]);
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve([code, signal])));
}
