/**
 * A tiny separate Next app, built and served beside ours in the same run as a baseline: the
 * benches give it their pages; its layout, tsconfig and config are here. It is built in a temp
 * folder with the repo's node_modules linked in, so it runs the same Next and React as the app.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { answers, sleep } from "./next-app";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The deepest folder holding both paths: a Turbopack root must hold the app and node_modules. */
export function commonAncestor(a: string, b: string): string {
  const [pa, pb] = [a.split(path.sep), b.split(path.sep)];
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(path.sep) || path.sep;
}

const BARE_FILES: Record<string, string> = {
  "package.json": `{ "name": "bare-next-baseline", "private": true, "type": "module" }\n`,
  "tsconfig.json": `${JSON.stringify(
    {
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
      include: ["**/*.ts", "**/*.tsx", ".next/types/**/*.ts", ".next/dev/types/**/*.ts"],
      exclude: ["node_modules"],
    },
    null,
    2,
  )}\n`,
  "app/layout.tsx": `import type { ReactNode } from "react";

export const metadata = { title: "Baseline" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ margin: 0 }}>{children}</body>
    </html>
  );
}
`,
};

/**
 * Writes the bare app with `pages` (paths under the app's folder to their text) into `dir` and
 * runs `next build` there; resolves to the build's seconds. `browserSourceMaps` also writes the
 * chunks' source maps (as bench/next-app.ts does for the app); `headers` are sent with every
 * response.
 */
export async function buildBareApp(
  dir: string,
  pages: Record<string, string>,
  children: Set<ChildProcess>,
  label: string,
  browserSourceMaps = false,
  headers: Record<string, string> = {},
): Promise<number> {
  const root = commonAncestor(dir, REPO);
  const config = JSON.stringify({
    poweredByHeader: false,
    turbopack: { root },
    outputFileTracingRoot: root,
    typescript: { ignoreBuildErrors: true },
    productionBrowserSourceMaps: browserSourceMaps,
  });
  const everyResponse = JSON.stringify(
    Object.keys(headers).length === 0
      ? []
      : [
          {
            source: "/:path*",
            headers: Object.entries(headers).map(([key, value]) => ({ key, value })),
          },
        ],
  );
  const files = {
    ...BARE_FILES,
    ...pages,
    // Turbopack resolves the symlinked node_modules to the repo's: its root must hold both.
    "next.config.mjs": `export default { ...${config}, headers: async () => ${everyResponse} };\n`,
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  await symlink(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
  console.log(`${label}: building the baseline app in ${dir}.`);
  const started = performance.now();
  const build = spawnNext(dir, ["build"], children);
  const [code] = await exited(build.child);
  children.delete(build.child);
  if (code !== 0)
    throw new Error(
      `next build of the baseline failed (exit ${code}):\n${build.output().slice(-4000)}`,
    );
  return (performance.now() - started) / 1000;
}

/** `next start` of a built bare app on `port` (`env` added), once `probe` (a path) answers 200. */
export async function startBareApp(
  dir: string,
  port: number,
  probe: string,
  children: Set<ChildProcess>,
  env: Record<string, string> = {},
): Promise<void> {
  const url = `http://127.0.0.1:${port}`;
  if (await answers(`${url}${probe}`))
    throw new Error(`${url} already answers: something else uses port ${port}`);
  const server = spawnNext(dir, ["start", "-p", String(port), "-H", "127.0.0.1"], children, env);
  const deadline = Date.now() + 60_000;
  while (!(await answers(`${url}${probe}`))) {
    if (server.child.exitCode !== null || server.child.signalCode !== null)
      throw new Error(`the baseline's next start exited early:\n${server.output().slice(-4000)}`);
    if (Date.now() > deadline)
      throw new Error(`the baseline's next start did not answer within 60 s:\n${server.output()}`);
    await sleep(200);
  }
}

/** `next <args>` in `dir`, in its own process group (stopped with stopChild). */
function spawnNext(
  dir: string,
  args: string[],
  children: Set<ChildProcess>,
  env: Record<string, string> = {},
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
