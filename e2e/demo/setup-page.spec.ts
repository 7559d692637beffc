/** Demo mode needs no setup: the check says so, and the page needs no sign-in. */
import { expect, test } from "@playwright/test";

test("demo mode is ready to share with zero setup", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Setup" }).click();
  await expect(page.getByRole("heading", { name: "Setup check", level: 1 })).toBeVisible();
  await expect(page.getByText("Ready to share", { exact: true })).toBeVisible();
  const rows = page.getByRole("list", { name: "Setup checks" }).getByRole("listitem");
  await expect(rows).toHaveCount(11);
  await expect(rows.filter({ hasText: "Needs fixing:" })).toHaveCount(0);
  await expect(rows.filter({ hasText: "Demo: runs use the built-in demo backend" })).toHaveCount(1);
  await page.getByRole("link", { name: /Back to the playground/ }).click();
  await expect(page.getByRole("textbox", { name: "Prompt", exact: true })).toBeVisible();
});
