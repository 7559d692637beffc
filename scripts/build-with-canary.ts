/**
 * The test suite's production build: `next build` with a canary FAL_KEY and password in its
 * environment, so the e2e suite can prove neither ends up in any built file the browser loads.
 * The servers still read their own environment at start (every page renders per request).
 */
import { spawnSync } from "node:child_process";
import { E2E } from "../e2e/support/servers";

const result = spawnSync("npx", ["next", "build"], {
  stdio: "inherit",
  // TEST_BUILD: `npm test` has just type-checked, so next.config.mjs skips Next's own check.
  env: { ...process.env, FAL_KEY: E2E.canaryKey, ACCESS_PASSWORD: E2E.password, TEST_BUILD: "1" },
});
process.exit(result.status ?? 1);
