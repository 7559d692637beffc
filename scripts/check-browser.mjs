// Before e2e: say clearly how to get a browser when none is found, instead of a Playwright trace.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const system = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].some(
  (p) => p && existsSync(p),
);
const bundled = existsSync(chromium.executablePath());
if (!system && !bundled) {
  console.error(
    "No Chromium for the browser tests. Install one of:\n" +
      "  - Debian/Ubuntu: sudo apt-get install chromium\n" +
      "  - Playwright's own: npx playwright install chromium\n" +
      "or point CHROMIUM_PATH at a Chromium binary.",
  );
  process.exit(1);
}
