import { expect, test } from "../support/fixtures";
import { PlaygroundPage } from "../support/playground-page";

test("labels demo mode and says how to go live", async ({ page, playground }) => {
  await playground.open();
  const note = page.getByRole("note");
  await expect(note).toContainText("Demo mode");
  await expect(note).toContainText("FAL_KEY");
});

test("explains why Run is disabled until a reference and a prompt are there", async ({
  page,
  playground,
}) => {
  await playground.open();
  await expect(playground.runButton).toBeDisabled();
  await expect(page.getByText("Add at least one reference image.")).toBeVisible();
  await playground.addReference();
  await playground.waitForUploads();
  await expect(page.getByText("Write a prompt.")).toBeVisible();
});

test("runs an edit end to end: queue, live logs, result with seed and timings", async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.addReference("first.png");
  await playground.addReference("second.png");
  await playground.waitForUploads();
  await page.getByLabel("Output size").selectOption("landscape_16_9");
  await expect(page.getByText(/Output ≈ 2560 × 1440/)).toBeVisible();

  const card = await playground.run("Turn the square into a golden sun");
  await expect(card.getByRole("status").first()).toHaveText(/In queue · position 1/);
  await expect(card.getByRole("status").first()).toHaveText("Running");
  const logs = card.getByRole("list", { name: "Run logs" });
  await expect(logs).toContainText("Loading 2 reference image(s).");
  await expect(logs).toContainText(/Step \d+\/28/);
  await expect(card.getByRole("progressbar", { name: "Denoising steps" })).toBeVisible();

  await expect(card.getByRole("status").first()).toHaveText("Completed", { timeout: 30_000 });
  const image = card.getByRole("img", { name: "Result 1" });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2560);
  await expect(card).toContainText(/seed \d+/i);
  await expect(card).toContainText(/inference \d+\.\d s/);
  await expect(card).toContainText("2560 × 1440 · PNG");
});

test("shows fal's error text when a run fails", async ({ playground }) => {
  await playground.open();
  await playground.addReference();
  await playground.waitForUploads();
  const card = await playground.run("Please fail [demo:422]");
  await expect(card.getByRole("status").first()).toHaveText("Failed", { timeout: 30_000 });
  await expect(card.getByRole("alert")).toContainText("fal rejected the input");
  await expect(card.getByRole("alert")).toContainText(
    "prompt: The demo backend rejects prompts that contain [demo:422].",
  );
});
