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
  await expect(playground.runButton).toHaveAccessibleDescription(
    /Add at least one reference image: Dev edits an image \(Full can start from text\)\./,
  );
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
  // The card shows the result's thumbnail (640 wide); the caption gives the output's size.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
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

test("switches to Full and makes an image from text alone, priced and marked as Full", async ({
  page,
  playground,
}) => {
  await playground.openFresh();
  await page.getByRole("spinbutton", { name: "Steps" }).fill("12");
  await page.getByText("Full", { exact: true }).click();
  await expect(page.getByRole("radio", { name: /^Full/ })).toBeChecked();
  await expect(page.getByRole("status").filter({ hasText: "Full's defaults" })).toHaveText(
    /Steps 50 and guidance 5: Full's defaults\. Prompt, references, size, seed and count are kept\./,
  );
  await expect(page.getByRole("spinbutton", { name: "Steps" })).toHaveValue("50");
  await expect(page.getByRole("spinbutton", { name: "Guidance" })).toHaveValue("5");
  await expect(page.getByText("Text to image", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Estimated cost $0.042")).toBeVisible();
  const card = await playground.run("A lighthouse at dusk, no reference");
  await expect(card.getByRole("status").first()).toHaveText("Completed", { timeout: 30_000 });
  await expect(card.getByLabel("Model: Full (fal-ai/hidream-o1-image)")).toBeVisible();
  await expect(card.getByRole("img", { name: "Result 1" })).toBeVisible();
  await expect(card.getByText(/2048 × 2048 · PNG · .* · \$0\.042/)).toBeVisible();

  // Back on Dev, with one reference, the meter shows how much of it the model sees.
  await page.getByText("Dev", { exact: true }).click();
  await playground.addReference();
  await expect(page.getByRole("meter", { name: /Detail the model keeps/ })).toHaveAttribute(
    "aria-valuenow",
    "2048",
  );
  await expect(page.getByText(/Edit · seen at about 2048 px/)).toBeVisible();
});
