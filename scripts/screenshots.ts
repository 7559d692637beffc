/**
 * `npm run screenshots`: the playground in headless Chromium at desktop and phone sizes, light and
 * dark, after a demo run. Needs the app running (npm run build && npm start) on APP_URL.
 */
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import sharp from "sharp";

const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:3000";
const OUT = process.env.SCREENSHOT_DIR ?? "screenshots-tmp";
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);

async function demoRun(page: Page) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><defs><linearGradient id="g"><stop offset="0" stop-color="#0ea5e9"/><stop offset="1" stop-color="#a855f7"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="600" cy="450" r="260" fill="#fbbf24"/></svg>`;
  const buffer = await sharp(Buffer.from(svg)).jpeg().toBuffer();
  await page.getByLabel("Reference image files").setInputFiles([
    { name: "product.jpg", mimeType: "image/jpeg", buffer },
    { name: "style.jpg", mimeType: "image/jpeg", buffer: await sharp(buffer).negate().toBuffer() },
  ]);
  await page.locator("li[data-status=ready]").nth(1).waitFor({ timeout: 30_000 });
  await page
    .getByRole("textbox", { name: "Prompt", exact: true })
    .fill("Place the product from image 1 on a marble counter, lit like image 2");
  await page.getByLabel("Output size").selectOption("landscape_4_3");
  await page.getByRole("button", { name: /^Run/ }).click();
  await page.getByRole("status").filter({ hasText: "Completed" }).waitFor({ timeout: 60_000 });
  await page
    .getByRole("img", { name: "Result 1" })
    .evaluate((img: HTMLImageElement) => img.decode());
  await page
    .getByRole("textbox", { name: "Prompt", exact: true })
    .fill("Make it night, neon reflections [demo:slow]");
  await page.getByRole("button", { name: /^Run/ }).click();
  await page.getByRole("list", { name: "Run logs" }).first().waitFor();
}

const browser = await chromium.launch({
  executablePath,
  args: ["--disable-background-networking", "--no-first-run"],
});
mkdirSync(OUT, { recursive: true });
for (const [name, viewport] of [
  ["desktop", { width: 1440, height: 960 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  for (const colorScheme of ["light", "dark"] as const) {
    // A fresh context each time: nothing saved by the previous capture leaks in.
    const page = await (
      await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 })
    ).newPage();
    await page.goto(APP_URL);
    await page.screenshot({
      path: `${OUT}/${name}-${colorScheme}-empty.png`,
      fullPage: name === "phone",
    });
    await demoRun(page);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${OUT}/${name}-${colorScheme}-runs.png`, fullPage: true });
    await page.close();
  }
}
await browser.close();
console.log(`Screenshots in ${OUT}/`);
