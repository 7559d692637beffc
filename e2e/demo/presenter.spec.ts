/**
 * Presenter mode as a presenter in a meeting room uses it: star results, present them in a chosen
 * order with a clicker's keys, wipe before/after, show captions, leave with Esc; put an audience
 * window on the projector that follows within a second; try a change live and see it land as the
 * next slide in both windows.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "../support/fixtures";
import { PlaygroundPage } from "../support/playground-page";

async function completedRun(page: Page, prompt: string, images: number) {
  const playground = new PlaygroundPage(page);
  await playground.addReference();
  await playground.waitForUploads();
  await page
    .getByRole("group", { name: "Images", exact: true })
    .getByText(String(images), { exact: true })
    .click();
  const card = await playground.run(prompt);
  await expect(card.getByRole("status").first()).toHaveText("Completed", { timeout: 30_000 });
  // The originals' URLs, as stored with the run: the card shows thumbnails, the stage originals.
  const sources = await page.evaluate(async (prompt) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("hidream-playground");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const runs = await new Promise<
      { input: { prompt: string }; output?: { images: { url: string }[] } }[]
    >((resolve) => {
      const request = db.transaction("runs").objectStore("runs").getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return runs.find((run) => run.input.prompt === prompt)?.output?.images.map((i) => i.url) ?? [];
  }, prompt);
  expect(sources).toHaveLength(images);
  return { card, sources };
}

const announced = (page: Page) =>
  page.getByRole("dialog", { name: "Presenter" }).locator("[aria-live='polite']").first();

test("presents starred results with clicker keys, a keyboard wipe and captions; Esc returns focus", async ({
  page,
  playground,
}) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await playground.openFresh();
  const prompt = "Walnut desk, three angles";
  const { card } = await completedRun(page, prompt, 3);
  await card.getByRole("button", { name: "Star image 1" }).click();
  await card.getByRole("button", { name: "Star image 3" }).click();
  await expect(card.getByRole("button", { name: "Unstar image 3" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  const starredOnly = page.getByRole("button", { name: /Starred only/ });
  await starredOnly.click();
  await expect(card.getByRole("img", { name: /^Result \d/ })).toHaveCount(2);
  await starredOnly.click();

  const present = page.getByRole("button", { name: "Present…" }).first();
  await present.click();
  const dialog = page.getByRole("dialog", { name: "Present" });
  await dialog.getByRole("radio", { name: "Starred (2)" }).check();
  const slides = dialog.getByRole("list", { name: "Slides, in presenting order" });
  await expect(slides.getByRole("listitem")).toHaveCount(2);
  await dialog.getByRole("button", { name: "Move slide 2 up" }).click();
  await expect(slides.getByRole("listitem").first()).toContainText("image 3");
  await dialog.getByRole("button", { name: "Start presenting" }).click();

  const presenter = page.getByRole("dialog", { name: "Presenter" });
  await expect(presenter).toBeVisible();
  await expect(announced(page)).toContainText("Slide 1 of 2");
  await page.keyboard.press("PageDown");
  await expect(announced(page)).toContainText("Slide 2 of 2");
  await page.keyboard.press("PageUp");
  await expect(announced(page)).toContainText("Slide 1 of 2");
  await page.keyboard.press("End");
  await expect(announced(page)).toContainText("Slide 2 of 2");
  await page.keyboard.press("Home");
  await expect(announced(page)).toContainText("Slide 1 of 2");
  await page.keyboard.press("Space");
  await expect(announced(page)).toContainText("Slide 2 of 2");
  await page.keyboard.press("ArrowLeft");
  await expect(announced(page)).toContainText("Slide 1 of 2");

  // Before/after: B, then ←/→ move the divider instead of the slides.
  await page.keyboard.press("b");
  const divider = presenter.getByRole("slider", { name: "Before and after divider" });
  await expect(divider).toHaveAttribute("aria-valuenow", "50");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(divider).toHaveAttribute("aria-valuenow", "60");
  await expect(announced(page)).toContainText("Slide 1 of 2");
  await page.keyboard.press("b");
  await expect(divider).toHaveCount(0);

  // Captions: the prompt, then parameters and seed, then nothing.
  await page.keyboard.press("i");
  await expect(presenter.getByText(prompt).first()).toBeVisible();
  await page.keyboard.press("i");
  await expect(presenter.getByText(/Seed/).first()).toBeVisible();
  await page.keyboard.press("i");
  await expect(presenter.getByText(/Seed/)).toHaveCount(0);

  // Reduced motion: no animated wipe on offer.
  await page.mouse.move(400, 400);
  await page.mouse.move(420, 410);
  await expect(presenter.getByRole("button", { name: "Animate the wipe" })).toBeDisabled();

  const results = await new AxeBuilder({ page }).include("[aria-label='Presenter']").analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);

  // Esc leaves (a first Esc may only leave full screen), and focus is back where it was.
  await expect(async () => {
    if (await presenter.isVisible()) await page.keyboard.press("Escape");
    await expect(presenter).toBeHidden({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
  await expect(present).toBeFocused();
});

test("an audience window follows the presenter, and a live edit lands as the next slide in both", async ({
  page,
  playground,
}) => {
  await playground.openFresh();
  const { card, sources } = await completedRun(page, "Linen armchair, two takes", 2);
  await card.getByRole("button", { name: "Select this run" }).click();
  await page
    .getByRole("region", { name: "Selection" })
    .getByRole("button", { name: "Present…" })
    .click();
  await page
    .getByRole("dialog", { name: "Present" })
    .getByRole("button", { name: "Start presenting" })
    .click();
  const presenter = page.getByRole("dialog", { name: "Presenter" });
  await expect(announced(page)).toContainText("Slide 1 of 2");

  await page.mouse.move(300, 300);
  const [audience] = await Promise.all([
    page.context().waitForEvent("page"),
    presenter.getByRole("button", { name: "Open audience window" }).click(),
  ]);
  const shown = () => audience.getByRole("img").first().getAttribute("src");
  await expect.poll(shown, { timeout: 10_000 }).toBe(sources[0]);
  await expect(presenter.getByRole("complementary", { name: "Presenter notes" })).toBeVisible();

  // The audience follows within a second: slide, then wipe.
  await page.keyboard.press("PageDown");
  await expect.poll(shown, { timeout: 1_000 }).toBe(sources[1]);
  await page.keyboard.press("b");
  await page.keyboard.press("ArrowLeft");
  await expect
    .poll(() => audience.locator("img[alt='']").count(), { timeout: 1_000 })
    .toBeGreaterThan(0);
  await page.keyboard.press("b");

  // A change tried live: the audience sees calm progress, then the result as the next slide.
  await page.keyboard.press("t");
  const bar = page.getByRole("form", { name: "Try a change" });
  await bar.getByRole("textbox", { name: "Change to try" }).fill("Same chair in deep blue linen");
  await bar.getByRole("button", { name: "Run", exact: true }).click();
  await expect(audience.getByText(/Making a new version/)).toBeVisible({ timeout: 10_000 });
  await expect(announced(page)).toContainText("Slide 3 of 3", { timeout: 30_000 });
  // A new image, which the audience window fetches and decodes only now (nothing to look ahead to).
  await expect
    .poll(shown, { timeout: 5_000 })
    .not.toMatch(
      new RegExp(`^(${sources.map((s) => s.replace(/[.?*+^$[\]\\(){}|-]/g, "\\$&")).join("|")})$`),
    );
  await expect(audience.getByText(/Making a new version/)).toHaveCount(0);

  // Closing the audience window leaves the presenter working; leaving leaves the audience calm.
  await audience.close();
  await expect(presenter.getByRole("complementary", { name: "Presenter notes" })).toBeHidden({
    timeout: 5_000,
  });
  await expect(async () => {
    if (await presenter.isVisible()) await page.keyboard.press("Escape");
    await expect(presenter).toBeHidden({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
  await expect(
    page.getByRole("region", { name: "Run: Same chair in deep blue linen" }),
  ).toBeVisible();
});
