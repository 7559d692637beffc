/**
 * The "server-only" guard as next.config.mjs resolves it. On Node that marker is an empty module,
 * so the fal proxy can run as a Pages API route (Next bundles those without the react-server
 * condition, where the real marker throws). That must not open a way into the browser: built by
 * Next with the app's own alias, a Client Component importing a server-only module still fails
 * the build, while a Pages API route importing the same module builds and answers.
 */
import { spawn } from "node:child_process";
import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commonAncestor } from "../../bench/bare-next-app";
// @ts-expect-error -- a plain .mjs config without a declaration file
import nextConfigModule from "../../next.config.mjs";

const nextConfig = nextConfigModule as {
  transpilePackages?: string[];
  turbopack?: Record<string, unknown>;
};

const REPO = process.cwd();
const NEXT = path.join(REPO, "node_modules", ".bin", "next");
const BUILD_MS = 180_000;

const SECRET_MODULE = `import "server-only";\nexport const secret = () => "kept on the server";\n`;
const LAYOUT = `export default function Layout({ children }: { children: React.ReactNode }) {
  return <html lang="en"><body>{children}</body></html>;
}\n`;

const dirs: string[] = [];

/** Writes a tiny app (these files, the repo's node_modules linked in) and runs `next build`. */
async function build(
  files: Record<string, string>,
): Promise<{ code: number | null; output: string; dir: string }> {
  // Under the repo's parent, so Turbopack's root holds both the app and the linked node_modules.
  const parent = path.join(os.tmpdir(), "server-only-guard");
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, "app-"));
  dirs.push(dir);
  const root = commonAncestor(dir, REPO);
  const config = {
    transpilePackages: nextConfig.transpilePackages,
    turbopack: { ...nextConfig.turbopack, root },
    outputFileTracingRoot: root,
    typescript: { ignoreBuildErrors: true },
  };
  const all: Record<string, string> = {
    "package.json": `{ "name": "server-only-guard", "private": true }\n`,
    "next.config.mjs": `export default ${JSON.stringify(config)};\n`,
    "lib/secret.ts": SECRET_MODULE,
    "app/layout.tsx": LAYOUT,
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  await symlink(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
  return { ...(await run(dir, ["build"])), dir };
}

function run(dir: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(NEXT, args, {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "", TEST_BUILD: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

afterAll(async () => {
  if (!process.env.KEEP_GUARD_APPS)
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("the server-only guard with next.config.mjs's alias", () => {
  it(
    "refuses to build a Client Component that imports a server-only module",
    async () => {
      const { code, output } = await build({
        "app/leak.tsx": `"use client";\nimport { secret } from "../lib/secret";\nexport function Leak() { return <p>{secret()}</p>; }\n`,
        "app/page.tsx": `import { Leak } from "./leak";\nexport default function Page() { return <Leak />; }\n`,
      });
      expect(code).not.toBe(0);
      expect(output).toContain("server-only");
    },
    BUILD_MS,
  );

  it(
    "builds and serves a Pages API route that imports one",
    async () => {
      const { code, output, dir } = await build({
        "app/page.tsx": `export default function Page() { return <p>page</p>; }\n`,
        "pages/api/secret.ts": `import type { IncomingMessage, ServerResponse } from "node:http";\nimport { secret } from "../../lib/secret";\nexport default function handler(_: IncomingMessage, res: ServerResponse) { res.end(secret()); }\n`,
      });
      expect(code, output).toBe(0);
      const port = 3390 + (process.pid % 9);
      const server = spawn(NEXT, ["start", "-p", String(port), "-H", "127.0.0.1"], {
        cwd: dir,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "" },
        stdio: "ignore",
      });
      try {
        let text: string | undefined;
        for (let i = 0; i < 100 && text === undefined; i++) {
          text = await fetch(`http://127.0.0.1:${port}/api/secret`)
            .then((response) => (response.ok ? response.text() : undefined))
            .catch(() => undefined);
          if (text === undefined) await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(text).toBe("kept on the server");
      } finally {
        server.kill("SIGTERM");
      }
    },
    BUILD_MS,
  );
});
