/**
 * `npm run screenshots`: the playground in headless Chromium at desktop and phone sizes, light and
 * dark, after a demo run; the review page a client opens from a share link; and the presenter's
 * window with an audience window open. Needs the app running (npm run build && npm start) on
 * APP_URL.
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

/** A page in a fresh browser context at 1× scale: nothing saved by another capture leaks in. */
async function freshPage(
  viewport: { width: number; height: number },
  colorScheme: "light" | "dark",
): Promise<Page> {
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
  return context.newPage();
}

/** Runs `prompt` for `images` images on the references already added; its card once completed. */
async function completedRun(page: Page, prompt: string, images: number) {
  await page
    .getByRole("group", { name: "Images", exact: true })
    .getByText(String(images), { exact: true })
    .click();
  await page.getByRole("textbox", { name: "Prompt", exact: true }).fill(prompt);
  await page.getByRole("button", { name: /^Run/ }).click();
  const card = page.getByRole("region", { name: `Run: ${prompt}` });
  await card.getByRole("status").filter({ hasText: "Completed" }).waitFor({ timeout: 60_000 });
  return card;
}

/** A run of three images shared as a review link; the client's view, one approval and a comment. */
async function sharePage(page: Page) {
  const card = await completedRun(page, "The product on a teal armchair, three directions", 3);
  for (const n of [1, 2, 3])
    await card.getByRole("checkbox", { name: `Select image ${n}` }).click();
  await page
    .getByRole("region", { name: "Selection" })
    .getByRole("button", { name: /^Share/ })
    .click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Title").fill("Teal chair — round 1");
  await dialog
    .getByLabel(/Note to the client/)
    .fill(
      "Three directions for the spring catalogue.\nApprove the ones you like, or tell us what to change.",
    );
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = await dialog.getByRole("textbox", { name: /link/i }).inputValue();

  const client = await freshPage({ width: 1440, height: 1000 }, "dark");
  await client.goto(link);
  await client
    .getByRole("group", { name: /Your review of image 1$/i })
    .getByRole("button", { name: /Approve/ })
    .click();
  await client.getByRole("button", { name: /comments? on image 2\b/i }).click();
  await client.getByLabel("Your name").fill("Dana (client)");
  await client.getByLabel("Add a comment").fill("Lovely light. Could the chair be a shade darker?");
  await client.getByRole("button", { name: "Post comment" }).click();
  await client.getByText("Comment posted.").waitFor();
  await client.keyboard.press("Escape");
  await client.getByRole("dialog").waitFor({ state: "detached" });
  await client
    .locator("img")
    .evaluateAll((images) => Promise.all(images.map((img) => (img as HTMLImageElement).decode())));
  await client.screenshot({ path: `${OUT}/share-page.png` });
  await client.context().close();
}

/** A run of two images presented, with an audience window open: the presenter's own window. */
async function presenter() {
  const page = await freshPage({ width: 1920, height: 1080 }, "dark");
  await page.goto(APP_URL);
  const chair = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1200"><rect width="100%" height="100%" fill="#e7e5e4"/><circle cx="600" cy="650" r="360" fill="#a7f3d0"/><rect x="330" y="380" width="540" height="380" rx="60" fill="#0f766e"/><rect x="380" y="760" width="40" height="220" fill="#57534e"/><rect x="780" y="760" width="40" height="220" fill="#57534e"/></svg>`;
  const buffer = await sharp(Buffer.from(chair)).jpeg().toBuffer();
  await page
    .getByLabel("Reference image files")
    .setInputFiles([{ name: "chair.jpg", mimeType: "image/jpeg", buffer }]);
  await page.locator("li[data-status=ready]").first().waitFor({ timeout: 30_000 });
  const card = await completedRun(page, "Teal lounge chair in a sunlit studio, soft shadows", 2);
  await card.getByRole("button", { name: "Select this run" }).click();
  await page
    .getByRole("region", { name: "Selection" })
    .getByRole("button", { name: "Present…" })
    .click();
  await page
    .getByRole("dialog", { name: "Present" })
    .getByRole("button", { name: "Start presenting" })
    .click();
  const stage = page.getByRole("dialog", { name: "Presenter" });
  await stage.waitFor();
  await page.mouse.move(960, 300);
  const [audience] = await Promise.all([
    page.context().waitForEvent("page"),
    stage.getByRole("button", { name: "Open audience window" }).click(),
  ]);
  await stage.getByRole("complementary", { name: "Presenter notes" }).waitFor();
  await stage
    .locator("img")
    .evaluateAll((images) => Promise.all(images.map((img) => (img as HTMLImageElement).decode())));
  // The toolbar shows while the pointer moves over the stage.
  await page.mouse.move(980, 320);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/presenter.png` });
  await audience.close();
  await page.context().close();
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
    const page = await freshPage(viewport, colorScheme);
    await page.goto(APP_URL);
    await page.screenshot({
      path: `${OUT}/${name}-${colorScheme}-empty.png`,
      fullPage: name === "phone",
    });
    await demoRun(page);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${OUT}/${name}-${colorScheme}-runs.png`, fullPage: true });
    if (name === "desktop" && colorScheme === "dark") await sharePage(page);
    await page.close();
  }
}
await presenter();
await browser.close();
console.log(`Screenshots in ${OUT}/`);
