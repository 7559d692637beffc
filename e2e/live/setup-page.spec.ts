/** The setup check of a live, password-protected deployment: green and amber rows, no secrets. */
import { expect, test } from "@playwright/test";
import { E2E } from "../support/servers";
import { signIn } from "../support/sign-in";

test("lists the setup behind the gate, naming the key's variable but never its value", async ({
  page,
}) => {
  await signIn(page, "/setup");
  await expect(page.getByRole("heading", { name: "Setup check", level: 1 })).toBeVisible();
  const rows = page.getByRole("list", { name: "Setup checks" }).getByRole("listitem");
  const row = (label: string) =>
    rows.filter({ has: page.getByRole("heading", { name: label, exact: true }) });

  await expect(row("Mode")).toContainText("Warning:");
  await expect(row("Mode")).toContainText(`runs go to ${E2E.backend} (FAL_UPSTREAM_URL)`);
  await expect(row("fal key")).toContainText("OK:");
  await expect(row("fal key")).toContainText("Set from FAL_KEY (never shown).");
  await expect(row("Access gate")).toContainText("Visitors must sign in.");
  await expect(row("Limits")).toContainText(
    "Runs per minute per client: 6; daily budget: $5.00 per UTC day.",
  );
  await expect(row("Limits store")).toContainText("This server's memory");
  await expect(row("Client identity")).toContainText("OK:");
  await expect(row("Client identity")).toContainText("own connection address");
  await expect(row("Runtime limits")).toContainText("300 s");
  await expect(row("Request body limit")).toContainText("1 MB");
  await expect(page.getByText(/^\d+ things? to fix$/)).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(E2E.canaryKey);
  expect(html).not.toContain(E2E.password);
});
