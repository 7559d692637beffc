import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "../support/fixtures";
import {
  damagedJpegs,
  emptyFile,
  heicFile,
  hugeFilePath,
  jpegFile,
  notAnImage,
  type FilePayload,
} from "../support/files";
import { pngFile } from "../support/images";
import { PlaygroundPage } from "../support/playground-page";

/** Drops files on the composer the way a browser does: a drop event carrying a DataTransfer. */
async function dropFiles(page: Page, files: FilePayload[]) {
  const payload = files.map((f) => ({
    name: f.name,
    type: f.mimeType,
    b64: f.buffer.toString("base64"),
  }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], item.name, { type: item.type }));
    }
    return dt;
  }, payload);
  const composer = page.locator("section[aria-label=Composer]");
  await composer.dispatchEvent("dragenter", { dataTransfer });
  await composer.dispatchEvent("drop", { dataTransfer });
}

async function paste(page: Page, content: { file?: FilePayload; text?: string }) {
  await page.evaluate(
    ({ file, text }) => {
      const dt = new DataTransfer();
      if (file)
        dt.items.add(
          new File([Uint8Array.from(atob(file.b64), (c) => c.charCodeAt(0))], file.name, {
            type: file.type,
          }),
        );
      if (text) dt.setData("text/plain", text);
      document.body.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: dt, bubbles: true }),
      );
    },
    {
      file: content.file && {
        name: content.file.name,
        type: content.file.mimeType,
        b64: content.file.buffer.toString("base64"),
      },
      text: content.text,
    },
  );
}

// Read through expect.poll: until the sortable list's chunk arrives, the tray shows placeholders.
const names = (page: Page) =>
  new PlaygroundPage(page).references
    .getByRole("listitem")
    .evaluateAll((items) => items.map((i) => i.getAttribute("aria-label")));

test.beforeEach(({ playground }) => playground.openFresh());

test("adds references by drop, paste and URL, numbered in order", async ({ page, baseURL }) => {
  const playground = new PlaygroundPage(page);
  await dropFiles(page, [await pngFile("dropped.png")]);
  await paste(page, { file: await pngFile("pasted.png") });
  await page.getByLabel("Image URL").fill(`${baseURL}/icon.svg`);
  await page.getByRole("button", { name: "Add URL" }).click();
  await paste(page, { text: `${baseURL}/icon.svg?second` });
  await playground.waitForUploads();
  await expect
    .poll(() => names(page))
    .toEqual([
      "Reference 1: dropped.png",
      "Reference 2: pasted.png",
      "Reference 3: icon.svg",
      "Reference 4: icon.svg",
    ]);
});

test("prepares a large camera photo: upright, about 4 MP, far fewer bytes", async ({
  page,
  playground,
}) => {
  // 4000×3000 stored, EXIF orientation 6: displays as 3000×4000, the stored top-left corner at
  // the top right. Decoded at half size (jpeg-scaled-decode.ts) where Chromium allows it.
  await page
    .getByLabel("Reference image files")
    .setInputFiles(await jpegFile("camera.jpg", 4000, 3000, 6));
  await playground.waitForUploads();
  const item = playground.references.getByRole("listitem").first();
  const width = Number(await item.getAttribute("data-prepared-width"));
  const height = Number(await item.getAttribute("data-prepared-height"));
  expect(width).toBeLessThan(height);
  expect(width * height).toBeLessThanOrEqual(2048 * 2048);
  expect(width * height).toBeGreaterThan(4_000_000);
  expect(Number(await item.getAttribute("data-prepared-bytes"))).toBeLessThan(
    Number(await item.getAttribute("data-original-bytes")),
  );
  await expect(item).toContainText("3000×4000 →");
  // Prepared in the preparation worker (no fallback to the main thread: the CSP lets it start),
  // and the thumbnail shows a small preview of that prepared image, not the 12-MP original.
  expect(page.workers().length).toBeGreaterThan(0);
  await expect
    .poll(() => item.locator("img").evaluate((img: HTMLImageElement) => img.naturalHeight))
    .toBe(512);
  const previewWidth = await item
    .locator("img")
    .evaluate((img: HTMLImageElement) => img.naturalWidth);
  expect(previewWidth).toBe(Math.round((width * 512) / height));
  // Upright: the red corner is top right, and the top left is the photo's blue-grey noise.
  const corners = await item.locator("img").evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext("2d")!;
    context.drawImage(img, 0, 0);
    const at = (x: number, y: number) => Array.from(context.getImageData(x, y, 1, 1).data);
    return { topRight: at(canvas.width - 20, 20), topLeft: at(20, 20) };
  });
  expect(corners.topRight[0]).toBeGreaterThan(200);
  expect(corners.topRight[1]).toBeLessThan(60);
  expect(corners.topLeft[0]! > 200 && corners.topLeft[1]! < 60).toBe(false);
});

test("prepares photos dropped together each as its own, several at a time", async ({
  page,
  playground,
}) => {
  // The preparer works on more than one file at once (FILES_PER_WORKER): each answer must land on
  // its own reference, in the order chosen, whichever finishes first.
  await page
    .getByLabel("Reference image files")
    .setInputFiles([
      await jpegFile("portrait.jpg", 4000, 3000, 6),
      await jpegFile("landscape.jpg", 4000, 3000, 1),
      await jpegFile("wide.jpg", 3600, 1800, 1),
    ]);
  await playground.waitForUploads();
  const items = playground.references.getByRole("listitem");
  await expect(items).toHaveCount(3);
  const shown = ["3000×4000 →", "4000×3000 →", "3600×1800 →"];
  for (const [index, text] of shown.entries()) await expect(items.nth(index)).toContainText(text);
  const aspects = await items.evaluateAll((list) =>
    list.map(
      (item) =>
        Number(item.getAttribute("data-prepared-width")) /
        Number(item.getAttribute("data-prepared-height")),
    ),
  );
  expect(aspects[0]).toBeCloseTo(3 / 4, 2);
  expect(aspects[1]).toBeCloseTo(4 / 3, 2);
  expect(aspects[2]).toBeCloseTo(2, 2);
});

test("refuses each bad file with its own message and keeps the good ones", async ({
  page,
  playground,
}) => {
  await playground.addReference("good.png");
  await page
    .getByLabel("Reference image files")
    .setInputFiles([notAnImage(), emptyFile(), heicFile()]);
  const alert = page.getByRole("alert", { name: "Files not added" });
  await expect(alert).toContainText("notes.png is not an image");
  await expect(alert).toContainText("empty.jpg is empty");
  await expect(alert).toContainText("IMG_0001.heic");
  await expect(alert).toContainText(/HEIC/);
  await page.getByLabel("Reference image files").setInputFiles(hugeFilePath());
  await expect(alert).toContainText("huge.jpg is over 50 MB");
  await expect.poll(() => names(page)).toEqual(["Reference 1: good.png"]);
});

test("a damaged camera photo gets a message of its own, quickly, and the good one stays", async ({
  page,
  playground,
}) => {
  await playground.addReference("good.png");
  await page.getByLabel("Reference image files").setInputFiles(await damagedJpegs());
  const alert = page.getByRole("alert", { name: "Files not added" });
  // Well before the preparer's 30 s deadline: the reduced-scale decoder fails, then the whole one.
  await expect(alert).toContainText("cut.jpg could not be read", { timeout: 10_000 });
  await expect(alert).toContainText("lying.jpg could not be read", { timeout: 10_000 });
  await expect.poll(() => names(page)).toEqual(["Reference 1: good.png"]);
});

test("refuses URLs that are not http(s) or do not load as images", async ({ page, baseURL }) => {
  const url = page.getByLabel("Image URL");
  await url.fill("ftp://example.com/cat.png");
  await page.getByRole("button", { name: "Add URL" }).click();
  await expect(page.getByRole("alert", { name: "Files not added" })).toContainText(
    "Only http(s) links",
  );
  await url.fill(`${baseURL}/missing.png`);
  await page.getByRole("button", { name: "Add URL" }).click();
  await expect(page.getByRole("alert", { name: "Files not added" })).toContainText(
    "did not load as an image",
  );
  await expect.poll(() => names(page)).toEqual([]);
});

test("keeps the first ten references and refuses the eleventh", async ({ page }) => {
  const files = await Promise.all(
    Array.from({ length: 11 }, (_, i) => pngFile(`ref-${i + 1}.png`, 64, 64)),
  );
  await page.getByLabel("Reference image files").setInputFiles(files);
  await expect(page.getByRole("alert", { name: "Files not added" })).toContainText(
    "At most 10 reference images: 1 not added.",
  );
  await expect(page.getByText("10/10")).toBeVisible();
  await expect.poll(async () => (await names(page)).at(-1)).toBe("Reference 10: ref-10.png");
});

test("reorders with the keyboard, removes, and mentions a reference in the prompt", async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.addReference("a.png");
  await playground.addReference("b.png");
  await playground.addReference("c.png");
  await page.getByRole("button", { name: /Reorder reference 1/ }).focus();
  const announcer = page.locator("[id^=DndLiveRegion]");
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: /Reorder reference 1/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(announcer).toContainText("Reference 1 is over position 1.");
  // dnd-kit listens for arrow keys from a timer after the drag starts: on a busy machine a key
  // pressed at once can come before it (no person is that quick). Press again only if unheard.
  await expect(async () => {
    if ((await announcer.textContent())?.includes("over position 1."))
      await page.keyboard.press("ArrowRight");
    await expect(announcer).toContainText("Reference 1 is over position 2.", { timeout: 1000 });
  }).toPass();
  await page.keyboard.press("Space");
  await expect(announcer).toContainText("Reference 1 dropped at position 2.");
  await expect
    .poll(() => names(page))
    .toEqual(["Reference 1: b.png", "Reference 2: a.png", "Reference 3: c.png"]);
  await page.getByRole("button", { name: "Remove reference 3" }).click();
  await expect.poll(() => names(page)).toEqual(["Reference 1: b.png", "Reference 2: a.png"]);
  await playground.prompt.fill("Blend");
  await page.getByRole("button", { name: "Insert “image 2” in the prompt" }).click();
  await expect(playground.prompt).toHaveValue("Blend image 2 ");
});

test("validates parameters against the schema and says why Run is disabled", async ({
  page,
  playground,
}) => {
  await playground.addReference();
  await playground.waitForUploads();
  await playground.prompt.fill("Make it blue");
  await expect(playground.runButton).toBeEnabled();
  const steps = page.getByRole("spinbutton", { name: "Steps" });
  await steps.fill("40");
  await expect(page.getByText("Steps must be a whole number from 1 to 28.").first()).toBeVisible();
  await expect(playground.runButton).toBeDisabled();
  await expect(steps).toHaveAttribute("aria-invalid", "true");
  await steps.fill("20");
  await page.getByRole("spinbutton", { name: "Guidance" }).fill("25");
  await expect(page.getByText("Guidance must be a number from 0 to 20.").first()).toBeVisible();
  await page.getByRole("button", { name: "Reset to defaults" }).click();
  await expect(steps).toHaveValue("28");
  await expect(playground.runButton).toBeEnabled();
});

test("keep original aspect needs exactly one reference and then sizes the output from it", async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  const toggle = page.getByRole("switch", { name: "Keep original aspect" });
  await expect(toggle).toBeDisabled();
  await expect(page.getByText("Needs exactly one reference image (you have 0).")).toBeVisible();
  await page
    .getByLabel("Reference image files")
    .setInputFiles(await jpegFile("wide.jpg", 3000, 2000));
  await playground.waitForUploads();
  await expect(toggle).toBeEnabled();
  await toggle.check();
  await expect(
    page.getByText("Output ≈ 2496 × 1664, 4.2 MP (the reference's aspect)"),
  ).toBeVisible();
  await playground.addReference("second.png");
  await expect(toggle).toBeDisabled();
  await expect(page.getByText("Needs exactly one reference image (you have 2).")).toBeVisible();
  await expect(page.getByText("Output ≈ 2048 × 2048, 4.2 MP")).toBeVisible();
});

test("estimates cost from the snapped size and the image count", async ({ page }) => {
  await expect(page.getByLabel("Estimated cost $0.021")).toBeVisible();
  await page.getByLabel("Output size").selectOption("landscape_16_9");
  await page.getByText("4", { exact: true }).click();
  await expect(page.getByLabel("Estimated cost $0.074")).toBeVisible();
  await expect(page.getByText("4 × 2560 × 1440 (3.69 MP) at $0.005 per megapixel")).toBeVisible();
});

test("shows API snippets for exactly the current input, without any key", async ({
  page,
  playground,
}) => {
  await playground.addReference();
  await playground.waitForUploads();
  await playground.prompt.fill('It\'s a "test"');
  await page.getByText("API", { exact: true }).click();
  const code = page.locator("pre").first();
  await expect(code).toContainText("$FAL_KEY");
  await expect(code).toContainText("/api/demo-fal/files/");
  await page.getByRole("tab", { name: "Python" }).click();
  await expect(page.locator("pre:visible")).toContainText("fal_client.subscribe");
  await expect(page.locator("pre:visible")).toContainText("True");
  await page.getByRole("tab", { name: "JavaScript" }).click();
  await expect(page.locator("pre:visible")).toContainText('"It\'s a \\"test\\""');
});

test("keeps prompt, parameters and ready references across a reload", async ({
  page,
  playground,
}) => {
  await playground.addReference("kept.png");
  await playground.waitForUploads();
  await playground.prompt.fill("Survives reloads");
  await page.getByRole("spinbutton", { name: "Steps" }).fill("12");
  await page.reload();
  await expect(playground.prompt).toHaveValue("Survives reloads");
  await expect(page.getByRole("spinbutton", { name: "Steps" })).toHaveValue("12");
  await expect.poll(() => names(page)).toEqual(["Reference 1: kept.png"]);
  await expect(playground.runButton).toBeEnabled();
});

test("shows fal's 422 on the field it names", async ({ page, playground }) => {
  await playground.addReference();
  await playground.waitForUploads();
  const card = await playground.run("Reject me [demo:422]");
  await expect(card.getByRole("status").first()).toHaveText("Failed", { timeout: 30_000 });
  const promptError = page.locator("section[aria-label=Composer] [id$=-error]");
  await expect(promptError).toHaveText("The demo backend rejects prompts that contain [demo:422].");
  await expect(playground.prompt).toHaveAttribute("aria-invalid", "true");
  await expect(playground.runButton).toBeDisabled();
  await playground.prompt.fill("Fine now");
  await expect(promptError).toHaveCount(0);
  await expect(playground.runButton).toBeEnabled();
});

test("has no serious accessibility violations", async ({ page, playground }) => {
  await playground.addReference();
  await playground.waitForUploads();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
});
