// Before the tests: say clearly how to get a missing tool (a browser, redis-server) instead of
// failing later with a Playwright trace or a spawn error.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const problems = [];

const system = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].some(
  (p) => p && existsSync(p),
);
if (!system && !existsSync(chromium.executablePath())) {
  problems.push(
    "No Chromium for the browser tests. Install one of:\n" +
      "  - Debian/Ubuntu: sudo apt-get install chromium\n" +
      "  - Playwright's own: npx playwright install chromium\n" +
      "or point CHROMIUM_PATH at a Chromium binary.",
  );
}

const redis = ["/usr/bin/redis-server", "/usr/sbin/redis-server", "/opt/homebrew/bin/redis-server"];
let hasRedis = redis.some((p) => existsSync(p));
if (!hasRedis) {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    hasRedis = true;
  } catch {}
}
if (!hasRedis) {
  problems.push(
    "No redis-server for the shared-limits tests. Install it:\n" +
      "  - Debian/Ubuntu: sudo apt-get install redis-server\n" +
      "  - macOS: brew install redis",
  );
}

if (problems.length) {
  console.error(problems.join("\n\n"));
  process.exit(1);
}
