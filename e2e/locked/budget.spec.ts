/**
 * A capped deployment (DAILY_BUDGET_USD = $0.05, two 2048² runs): the composer shows what is left
 * and when it resets, Run stops with the reason once the next run cannot fit, and the proxy
 * refuses a run sent anyway with fal's error shape. Written to hold on a retry, when the budget
 * may already be spent.
 */
import { expect, test } from "../support/fixtures";
import { signIn } from "../support/sign-in";

test("a capped budget runs out: what is left, when it resets, and no run past it", async ({
  page,
  playground,
}) => {
  await signIn(page);
  await playground.openFresh();
  const budget = page.getByText(/^Budget today: \$0\.\d{3} of \$0\.050 left · resets /);
  await expect(budget).toBeVisible();
  await expect(budget).toContainText(/\(in \d+ (hours?|minutes?)\)/);

  await playground.addReference();
  await playground.waitForUploads();
  await playground.prompt.fill("Budget run");
  let runs = 0;
  while (runs < 3 && (await playground.runButton.isEnabled())) {
    const card = await playground.run(`Budget run ${runs + 1}`);
    await expect(card.getByRole("status").first()).toHaveText("Completed", { timeout: 30_000 });
    runs += 1;
  }
  expect(runs).toBeLessThanOrEqual(2);

  await expect(budget).toContainText("$0.008 of $0.050 left");
  await expect(playground.runButton).toBeDisabled();
  await expect(playground.runButton).toHaveAccessibleDescription(
    /This run could cost up to \$0\.021, more than the \$0\.008 left in today's budget\. .*wait until/,
  );

  // A run sent past the composer is refused by the proxy before it reaches the backend.
  const refused = await page.request.post("/api/fal/proxy", {
    headers: { "x-fal-target-url": "https://queue.fal.run/fal-ai/hidream-o1-image/dev/edit" },
    data: { prompt: "sneaky", reference_image_urls: ["https://x/y.png"] },
  });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  const body = (await refused.json()) as { detail: string; error_type: string };
  expect(body.error_type).toBe("proxy_budget_exhausted");
  expect(body.detail).toMatch(
    /^Today's spend cap is reached: \$0\.042 of \$0\.050 spent.*00:00 UTC/,
  );
});
