/**
 * `npm test` builds the app with the canary key and password in the build's environment
 * (scripts/build-with-canary.ts). Neither may end up in a file the browser can load, nor
 * anywhere else in the build output: the server reads its secrets at request time only.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { E2E } from "../support/servers";

const BUILD = process.env.NEXT_DIST_DIR ?? ".next";

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

test("the built client bundles and server output never contain the key or the password", async () => {
  const clientFiles = await filesUnder(join(BUILD, "static"));
  expect(clientFiles.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(5);
  const everything = (await filesUnder(BUILD)).filter((f) => !f.includes(`${BUILD}/cache/`));
  const leaks: string[] = [];
  for (const file of everything) {
    const text = await readFile(file, "latin1");
    if (text.includes(E2E.canaryKey) || text.includes(E2E.password)) leaks.push(file);
  }
  expect(everything.length).toBeGreaterThan(clientFiles.length);
  expect(leaks).toEqual([]);
});
