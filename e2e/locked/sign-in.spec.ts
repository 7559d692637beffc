/** A deployment with ACCESS_PASSWORD: nothing is served before signing in, and signing out ends it. */
import { expect, test } from "@playwright/test";
import { E2E } from "../support/servers";

test("asks for the password first, explains a wrong one, then returns where the visitor was going", async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto("/setup");
  await expect(page).toHaveURL(`${baseURL}/sign-in?next=%2Fsetup`);
  await expect(page.getByText("This playground is private.")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeFocused();
  expect((await page.request.get("/api/limits")).status()).toBe(401);

  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/That password is not right/);
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  expect(await context.cookies()).toEqual([]);

  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${baseURL}/setup`);
  await expect(page.getByRole("heading", { name: "Setup check" })).toBeVisible();

  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({
    name: "playground_session",
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
  });
  expect(cookie!.value).not.toContain(E2E.password);
  const days = (cookie!.expires * 1000 - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(6.9);
  expect(days).toBeLessThanOrEqual(7);
  expect((await page.request.get("/api/limits")).status()).toBe(200);

  await page.goto("/");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Prompt", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await context.cookies()).toEqual([]);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F/);
});

test("refuses a tampered session cookie", async ({ page, context, baseURL }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  const [cookie] = await context.cookies();
  const value = cookie!.value;
  const i = Math.floor(value.length / 2);
  await context.clearCookies();
  await context.addCookies([
    { ...cookie!, value: value.slice(0, i) + (value[i] === "A" ? "B" : "A") + value.slice(i + 1) },
  ]);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F/);
  const proxy = await page.request.post("/api/fal/proxy", {
    headers: { "x-fal-target-url": "https://queue.fal.run/fal-ai/hidream-o1-image/dev/edit" },
    data: { prompt: "x", reference_image_urls: ["https://x/y.png"] },
  });
  expect(proxy.status()).toBe(401);
  expect(await proxy.json()).toMatchObject({ error_type: "proxy_unauthenticated" });
});

test("signs in without JavaScript too", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  await expect(page.getByRole("textbox", { name: "Prompt", exact: true })).toBeVisible();
  await context.close();
});
