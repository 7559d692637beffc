/** Signing in through the real form, as a visitor with the password does. */
import { expect, type Page } from "@playwright/test";
import { E2E } from "./servers";

/** Opens `path`, meets the sign-in page, signs in and lands back on `path`. */
export async function signIn(page: Page, path = "/") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
