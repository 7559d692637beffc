import { expect, test } from "../support/fixtures";

test.beforeEach(async ({ playground }) => {
  await playground.openFresh();
  await playground.addReference();
  await playground.waitForUploads();
});

test("varies a run into 2 prompts × 3 seeds: priced before it runs, laid out as a grid, compared, finished on Full", async ({
  page,
  playground,
}) => {
  test.setTimeout(120_000);
  await playground.prompt.fill("A red door");
  await page.getByRole("button", { name: "Vary…" }).click();
  const dialog = page.getByRole("dialog", { name: "Vary this run" });
  await dialog.getByLabel("How many random seeds").fill("3");
  await dialog.getByRole("textbox", { name: "Prompt variants" }).fill("A red door\nA blue door");
  const preview = dialog.getByRole("table");
  await expect(preview.getByRole("rowheader")).toHaveText(["A red door", "A blue door"]);
  await expect(preview.getByRole("columnheader", { name: /^seed \d+$/ })).toHaveCount(3);
  await expect(preview.getByRole("checkbox")).toHaveCount(6);
  // Six 2048² Dev cells at $0.021 each.
  await expect(dialog).toContainText("6 of 6 cells · up to $0.13");
  // Leave one out: the total follows.
  await preview.getByRole("checkbox").last().uncheck();
  await expect(dialog).toContainText(/5 of 6 cells · up to \$0\.1[01]/);
  await preview.getByRole("checkbox").last().check();
  await dialog.getByRole("button", { name: "Run 6 cells" }).click();
  await expect(dialog).toHaveCount(0);

  const grid = page.getByRole("region", { name: "Variation grid: 6 cells" });
  await expect(grid).toContainText("6 of 6 done", { timeout: 90_000 });
  await expect(grid.getByRole("rowheader")).toHaveText(["A red door", "A blue door"]);
  await expect(grid.getByRole("img", { name: /^Result: / })).toHaveCount(6);

  const cells = grid.getByRole("button", { name: /to compare$/ });
  await cells.nth(0).click();
  await expect(cells.nth(0)).toHaveAttribute("aria-pressed", "true");
  await cells.nth(4).click();
  const compare = page.getByRole("dialog", { name: "Compare two cells" });
  await expect(compare.getByRole("slider")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(compare).toHaveCount(0);

  // Cells can be picked for the ZIP like any result.
  await grid
    .getByRole("checkbox", { name: /^Select / })
    .nth(0)
    .click();
  await grid
    .getByRole("checkbox", { name: /^Select / })
    .nth(5)
    .click();
  await expect(page.getByRole("region", { name: "Selection" })).toContainText("2 selected");

  await grid.getByRole("button", { name: "Finish on Full" }).first().click();
  const full = page.getByRole("region", { name: "Run: A red door" });
  await expect(full.getByLabel("Model: Full (fal-ai/hidream-o1-image)")).toBeVisible();
  await expect(full.getByRole("status").first()).toHaveText("Completed", { timeout: 30_000 });
});

test("a grid loses no cell when the page reloads halfway", async ({ page, playground }) => {
  test.setTimeout(120_000);
  await playground.prompt.fill("Reload me");
  await page.getByRole("button", { name: "Vary…" }).click();
  const dialog = page.getByRole("dialog", { name: "Vary this run" });
  await dialog.getByLabel("How many random seeds").fill("8");
  await dialog.getByRole("button", { name: "Run 8 cells" }).click();
  const grid = page.getByRole("region", { name: "Variation grid: 8 cells" });
  // Reloaded halfway: some cells on fal (followed again by their request ids), some still
  // waiting to be sent (sent after the reload).
  await expect(grid.getByText("In queue").first()).toBeVisible();
  await expect(grid.getByText("Waiting to send").first()).toBeVisible();
  await page.reload();
  await playground.hydrated();
  // Every cell settles and none is lost. A cell whose submit the reload cut off is not sent again
  // by itself (fal may have it, and a second submit would be paid twice): it says so instead.
  await expect(grid.getByRole("button", { name: /^Cancel all/ })).toHaveCount(0, {
    timeout: 90_000,
  });
  const interrupted = await grid.getByText("Interrupted while submitting").count();
  expect(interrupted).toBeLessThanOrEqual(4);
  await expect(grid).toContainText(`${8 - interrupted} of 8 done`);
  await expect(grid.getByRole("img", { name: /^Result: / })).toHaveCount(8 - interrupted);
});
