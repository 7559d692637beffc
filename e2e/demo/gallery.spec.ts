import { readFile } from "node:fs/promises";
import { unzipSync } from "fflate";
import { readRecipe } from "@/lib/recipe/metadata";
import { expect, test, type Page } from "../support/fixtures";
import { PlaygroundPage } from "../support/playground-page";

test.beforeEach(({ playground }) => playground.openFresh());

async function completedRun(page: Page, prompt: string, images = 1) {
  const playground = new PlaygroundPage(page);
  await playground.addReference();
  await playground.waitForUploads();
  if (images > 1) await page.getByText(String(images), { exact: true }).click();
  const card = await playground.run(prompt);
  await expect(card.getByRole("status").first()).toHaveText("Completed", { timeout: 30_000 });
  return { playground, card };
}

test("blurs a flagged image until the user reveals it", async ({ page }) => {
  const { card } = await completedRun(page, "Flag this [demo:nsfw]");
  const image = card.getByRole("img", { name: "Result 1" });
  await expect(card.getByText("Flagged by the safety checker").first()).toBeVisible();
  await expect.poll(() => image.evaluate((el) => getComputedStyle(el).filter)).toContain("blur");
  await card.getByRole("button", { name: "Reveal image 1" }).click();
  await expect.poll(() => image.evaluate((el) => getComputedStyle(el).filter)).toBe("none");
  await expect(card.getByRole("button", { name: "Hide image 1" })).toBeVisible();
});

test("downloads an image named after the prompt and seed", async ({ page }) => {
  const { card } = await completedRun(page, "Crème brûlée on a plate");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("button", { name: "Download image 1" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^creme-brulee-on-a-plate-seed-\d+\.png$/);
});

test("a downloaded image carries its recipe: dropped back, it restores prompt, model, parameters and seed", async ({
  page,
  playground,
}) => {
  await playground.addReference();
  await playground.waitForUploads();
  await page.getByRole("spinbutton", { name: "Steps" }).fill("12");
  const card = await playground.run("Recipe round trip, café lights");
  await expect(card.getByRole("status").first()).toHaveText("Completed", { timeout: 30_000 });
  const seed = (await card.textContent())?.match(/Seed (\d+)/)?.[1];
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("button", { name: "Download image 1" }).click(),
  ]);
  const file = (await download.path())!;
  const recipe = readRecipe(new Uint8Array(await readFile(file)));
  expect(recipe).toMatchObject({
    endpoint: "fal-ai/hidream-o1-image/dev/edit",
    seed: Number(seed),
    input: { prompt: "Recipe round trip, café lights", num_inference_steps: 12 },
  });

  // Change everything, then drop the file back.
  await playground.prompt.fill("Something else");
  await page.getByText("Full", { exact: true }).click();
  await page.getByRole("button", { name: /Remove reference 1/ }).click();
  const named = download.suggestedFilename();
  await page
    .getByLabel("Reference image files")
    .setInputFiles({ name: named, mimeType: "image/png", buffer: await readFile(file) });
  const offer = page.getByRole("region", { name: `Recipe in ${named}` });
  await expect(offer).toContainText(`Dev · seed ${seed} · 1 reference · “Recipe round trip`);
  await expect(playground.references.getByRole("listitem")).toHaveCount(0);
  await offer.getByRole("button", { name: "Restore this recipe" }).click();
  await expect(offer).toHaveCount(0);
  await expect(playground.prompt).toHaveValue("Recipe round trip, café lights");
  await expect(page.getByRole("radio", { name: /^Dev/ })).toBeChecked();
  await expect(page.getByRole("spinbutton", { name: "Steps" })).toHaveValue("12");
  await expect(page.getByRole("spinbutton", { name: "Seed value" })).toHaveValue(seed!);
  await expect(playground.references.getByRole("listitem")).toHaveCount(1);

  // Or the same file as a reference, like any image.
  await page
    .getByLabel("Reference image files")
    .setInputFiles({ name: named, mimeType: "image/png", buffer: await readFile(file) });
  await offer.getByRole("button", { name: "Use as a reference" }).click();
  await expect(playground.references.getByRole("listitem")).toHaveCount(2);
});

test("selects images (a range with shift) and downloads them as a ZIP with a manifest", async ({
  page,
}) => {
  const { card } = await completedRun(page, "Two of a kind", 2);
  await card.getByRole("checkbox", { name: "Select image 1" }).click();
  await card.getByRole("checkbox", { name: "Select image 2" }).click({ modifiers: ["Shift"] });
  const bar = page.getByRole("region", { name: "Selection" });
  await expect(bar).toContainText("2 selected");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    bar.getByRole("button", { name: "Download selected (ZIP)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^hidream-selection-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const names = Object.keys(files).sort();
  expect(names).toEqual([
    "manifest.json",
    expect.stringMatching(/^two-of-a-kind-seed-\d+-1\.png$/),
    expect.stringMatching(/^two-of-a-kind-seed-\d+-2\.png$/),
  ]);
  expect(readRecipe(files[names[1]!]!)?.input.prompt).toBe("Two of a kind");
  const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"])) as {
    files: unknown[];
  };
  expect(manifest.files).toHaveLength(2);
  await bar.getByRole("button", { name: "Clear" }).click();
  await expect(bar).toHaveCount(0);
});

test("reuses all parameters, the seed, and an image as a reference", async ({
  page,
  playground,
}) => {
  await playground.addReference();
  await playground.waitForUploads();
  await page.getByRole("spinbutton", { name: "Steps" }).fill("12");
  const card = await playground.run("The original prompt");
  await expect(card.getByRole("status").first()).toHaveText("Completed", { timeout: 30_000 });
  const seed = (await card.textContent())?.match(/Seed (\d+)/)?.[1];
  expect(seed).toBeDefined();

  await playground.prompt.fill("Something else");
  await page.getByRole("spinbutton", { name: "Steps" }).fill("28");
  await card.getByRole("button", { name: "Reuse all parameters" }).click();
  await expect(playground.prompt).toHaveValue("The original prompt");
  await expect(page.getByRole("spinbutton", { name: "Steps" })).toHaveValue("12");

  await card.getByRole("button", { name: "Reuse seed" }).click();
  await expect(page.getByRole("spinbutton", { name: "Seed value" })).toHaveValue(seed!);

  await card.getByRole("button", { name: "Use image 1 as a reference" }).click();
  await expect(playground.references.getByRole("listitem")).toHaveCount(2);
});

test("compares a result with its reference, as a slider and side by side", async ({ page }) => {
  const { card } = await completedRun(page, "Compare me");
  await card.getByRole("button", { name: "Compare image 1 with a reference" }).click();
  const dialog = page.getByRole("dialog", { name: "Compare image 1 (Dev) with a reference" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("slider")).toBeVisible();
  await dialog.getByRole("tab", { name: "Side by side" }).click();
  await expect(dialog.getByRole("img")).toHaveCount(2);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(
    card.getByRole("button", { name: "Compare image 1 with a reference" }),
  ).toBeFocused();
});

test("opens results in a lightbox with arrow keys and Esc", async ({ page }) => {
  const { card } = await completedRun(page, "Two to browse", 2);
  // The card shows the kept thumbnail; only the lightbox fetches the full-size file.
  await expect(card.getByRole("img", { name: "Result 1" })).toHaveAttribute("src", /^blob:/);
  await card.getByRole("button", { name: "Open image 1 in the lightbox" }).click();
  const lightbox = page.getByRole("dialog", { name: "Result images" });
  await expect(lightbox).toBeVisible();
  await expect(lightbox).toContainText("1 / 2");
  await expect(lightbox.getByRole("img", { name: "Result 1" })).toHaveAttribute(
    "src",
    /\/api\/demo-fal\/files\/.+\.png$/,
  );
  await page.keyboard.press("ArrowRight");
  await expect(lightbox).toContainText("2 / 2");
  await page.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();
});

test("deletes a run, and it stays deleted after a reload", async ({ page }) => {
  const { playground, card } = await completedRun(page, "Delete me");
  await card.getByRole("button", { name: "Delete run" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(playground.runCard("Delete me")).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("No runs yet")).toBeVisible();
});

test("shows an expired state when a result's file was gone before its thumbnail was made", async ({
  page,
}) => {
  // fal's answer once a file is past its retention, for the original and the thumbnail route.
  await page.route("**/api/demo-fal/files/**", (route) =>
    route.fulfill({ status: 404, body: "gone" }),
  );
  await page.route("**/api/thumbnail?**", (route) =>
    route.fulfill({ status: 410, json: { detail: "gone" } }),
  );
  const { card } = await completedRun(page, "Expire me");
  await expect(card.getByText(/Expired/)).toBeVisible();
  await expect(card.getByRole("img", { name: "Result 1" })).toHaveCount(0);
});

test("keeps showing a result's preview, marked expired, once fal has deleted its file", async ({
  page,
}) => {
  const { playground, card } = await completedRun(page, "Keep my preview");
  await expect(card.getByRole("img", { name: "Result 1" })).toHaveAttribute("src", /^blob:/);
  // Hours later: the kept thumbnail's original is due a check, and fal answers 410 by then.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("hidream-playground");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction("thumbnails", "readwrite").objectStore("thumbnails");
    await new Promise<void>((resolve) => {
      store.openCursor().onsuccess = (event) => {
        const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (!cursor) return resolve();
        cursor.update({ ...cursor.value, checkedAt: 0 });
        cursor.continue();
      };
    });
    db.close();
  });
  await page.route("**/api/demo-fal/files/**", (route) =>
    route.fulfill({ status: 404, body: "gone" }),
  );
  await page.route("**/api/thumbnail?check=1&**", (route) =>
    route.fulfill({ status: 410, json: { detail: "gone" } }),
  );
  await page.reload();
  const expired = playground.runCard("Keep my preview");
  await expect(expired.getByText(/Expired/)).toBeVisible();
  const preview = expired.getByRole("img", { name: "Result 1" });
  await expect(preview).toHaveAttribute("src", /^blob:/);
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  await expect(expired.getByRole("button", { name: "Open image 1 in the lightbox" })).toHaveCount(
    0,
  );
});

test("a long history renders only the runs near the screen, and Tab walks through every one", async ({
  page,
  playground,
}) => {
  // Sixty key presses, each read back from the page: slow on a busy 2-core machine.
  test.slow();
  const total = 120;
  // Cancelled runs, written straight into the history the app has just created.
  await page.evaluate(async (count) => {
    const open = indexedDB.open("hidream-playground");
    const db = await new Promise<IDBDatabase>(
      (resolve) => (open.onsuccess = () => resolve(open.result)),
    );
    const tx = db.transaction("runs", "readwrite");
    for (let i = 1; i <= count; i++)
      tx.objectStore("runs").put({
        id: `run-${i}`,
        input: {
          prompt: `Long history ${i}`,
          reference_image_urls: ["https://v3.fal.media/a.png"],
        },
        phase: "cancelled",
        submittedAt: Date.now() - i * 1000,
        completedAt: Date.now() - i * 1000 + 500,
      });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, total);
  await page.reload();
  await playground.hydrated();

  const first = page.getByRole("region", { name: "Run: Long history 1", exact: true });
  await expect(first.locator("xpath=..")).toHaveAttribute("aria-setsize", String(total));
  // From the first run's first control, Tab moves run by run, never out of the list.
  await first.getByRole("button", { name: "Retry" }).focus();
  const focusedRun = () =>
    page.evaluate(() => {
      const item = document.activeElement?.closest<HTMLElement>("[data-list-index]");
      return item ? Number(item.dataset.listIndex) : -1;
    });
  let at = 0;
  while (at < 60) {
    await page.keyboard.press("Tab");
    const next = await focusedRun();
    expect([at, at + 1]).toContain(next);
    at = next;
  }
  // Focus landing on the last rendered run (Tab held down outruns the scroll's observer on a slow
  // machine) renders the next runs before the next key is handled, so Tab does not run past the
  // list to the "Show more" button after it.
  const landed = await page.evaluate(async () => {
    const items = document.querySelectorAll<HTMLElement>("[data-list-index]");
    const last = items[items.length - 1]!;
    const controls = last.querySelectorAll<HTMLElement>("button, summary");
    controls[controls.length - 1]!.focus();
    // React commits a focus update in a microtask: no frame, so no observer, runs before this.
    await Promise.resolve();
    await Promise.resolve();
    const index = Number(last.dataset.listIndex);
    return { index, nextRendered: !!document.querySelector(`[data-list-index="${index + 1}"]`) };
  });
  expect(landed.nextRendered).toBe(true);
  await page.keyboard.press("Tab");
  expect(await focusedRun()).toBe(landed.index + 1);
  // The runs far above were dropped from the page: what is rendered stays near the screen.
  await expect(first).toHaveCount(0);
  expect(await page.getByRole("region", { name: /^Run: / }).count()).toBeLessThanOrEqual(40);
  // And come back when scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(first).toBeVisible();
});

test("a run the page cannot show is shown as such, with a way out, and the rest keeps working", async ({
  page,
  playground,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // A record of a shape no version wrote (an empty output), next to a sound one, written
  // straight into the history.
  await page.evaluate(async () => {
    const open = indexedDB.open("hidream-playground");
    const db = await new Promise<IDBDatabase>(
      (resolve) => (open.onsuccess = () => resolve(open.result)),
    );
    const tx = db.transaction("runs", "readwrite");
    const input = { prompt: "", reference_image_urls: ["https://v3.fal.media/a.png"] };
    tx.objectStore("runs").put({
      id: "broken",
      input: { ...input, prompt: "A broken record" },
      phase: "completed",
      output: {},
      submittedAt: Date.now(),
    });
    tx.objectStore("runs").put({
      id: "sound",
      input: { ...input, prompt: "A sound record" },
      phase: "cancelled",
      submittedAt: Date.now() - 1000,
      completedAt: Date.now() - 500,
    });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await playground.hydrated();

  const alert = page.getByRole("alert").filter({ hasText: "A run could not be shown" });
  await expect(alert).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Run: A sound record", exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Prompt", exact: true })).toBeEditable();
  await alert.getByRole("button", { name: "Delete it" }).click();
  await expect(alert).toHaveCount(0);
  await page.reload();
  await playground.hydrated();
  await expect(
    page.getByRole("region", { name: "Run: A sound record", exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "could not be shown" })).toHaveCount(0);
  expect(errors).toEqual([]);
});
