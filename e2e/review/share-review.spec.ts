/**
 * Client review links, end to end on a gated deployment (run once on the embedded SQLite store and
 * once on a real Redis): the owner shares three results with a passcode; a browser with no cookies
 * and no password opens the link, gets past the passcode, approves one image and comments on
 * another; the owner's gallery shows both without a reload; Lock closes feedback, Revoke is 410.
 */
import { expect, test, type Page } from "@playwright/test";
import { PlaygroundPage } from "../support/playground-page";
import { signIn } from "../support/sign-in";

const PASSCODE = "orange-kite-42";
const MARKUP = `<img src=x onerror="document.title='pwned'"><b>bold?</b>`;

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
  await page.getByRole("button", { name: /Remove reference 1/ }).click();
  return card;
}

test("an owner shares three results; a client with no password reviews them; the owner sees it live", async ({
  page,
  browser,
}) => {
  // The owner's tab polls every 30 s: its clock is moved on rather than waited for.
  await page.clock.install();
  await signIn(page);
  const playground = new PlaygroundPage(page);
  await playground.hydrated();

  const first = await completedRun(page, "Teal chair, studio light", 2);
  const second = await completedRun(page, "Teal chair, window light", 1);
  await first.getByRole("checkbox", { name: "Select image 1" }).click();
  await first.getByRole("checkbox", { name: "Select image 2" }).click();
  await second.getByRole("checkbox", { name: "Select image 1" }).click();
  const bar = page.getByRole("region", { name: "Selection" });
  await expect(bar).toContainText("3 selected");

  await bar.getByRole("button", { name: /^Share/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Title").fill("Teal chair — round 1");
  await dialog.getByLabel(/Note to the client/).fill("Three options.\nTell us which one works.");
  await expect(dialog.getByRole("switch", { name: "Show prompt" })).not.toBeChecked();
  await dialog.getByLabel(/Passcode/).fill(PASSCODE);
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = await dialog.getByRole("textbox", { name: /link/i }).inputValue();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);
  await expect(dialog.locator("svg[aria-label*='QR']")).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();

  // The client: a fresh browser, no session, no password — only the link and the passcode.
  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  await client.goto(link);
  await client.getByLabel("Passcode").fill("not-it");
  await client.getByRole("button", { name: "View the images" }).click();
  await expect(client.getByText(/not right/)).toBeVisible();
  await client.getByLabel("Passcode").fill(PASSCODE);
  await client.getByRole("button", { name: "View the images" }).click();
  await expect(client.getByRole("heading", { name: "Teal chair — round 1" })).toBeVisible();
  await expect(client.getByText("Tell us which one works.")).toBeVisible();
  // Nothing of the playground: no prompt (off by default), no composer, no costs.
  await expect(client.getByText("Teal chair, studio light")).toHaveCount(0);
  await expect(client.getByText(/\$\d/)).toHaveCount(0);
  const shots = client.getByRole("img");
  await expect(shots).toHaveCount(3);

  await client
    .getByRole("group", { name: /Your review of image 1$/i })
    .getByRole("button", { name: /Approve/ })
    .click();
  await expect(
    client
      .getByRole("group", { name: /Your review of image 1$/i })
      .getByRole("button", { name: /Approve/ }),
  ).toHaveAttribute("aria-pressed", "true");
  await client.getByRole("button", { name: /comments? on image 2\b/i }).click();
  await client.getByLabel("Your name").fill("Dana (client)");
  await client.getByLabel("Add a comment").fill(MARKUP);
  await client.getByRole("button", { name: "Post comment" }).click();
  await expect(client.getByRole("list", { name: /Comments/ }).getByText(MARKUP)).toBeVisible();
  expect(await client.title()).not.toBe("pwned");
  // Posting kept the focus where it was, so Esc still closes the viewer.
  await expect(client.getByRole("button", { name: "Post comment" })).toBeFocused();
  await client.keyboard.press("Escape");
  await expect(client.getByRole("dialog", { name: "Images under review" })).toBeHidden();

  // The original, by its download link. A HEAD, which Next answers with the same handler, never
  // keeps one of the client's four download slots.
  const download = `${link}/image/0/download`;
  for (let i = 0; i < 6; i++) expect((await client.request.head(download)).status()).toBe(200);
  const original = await client.request.get(download);
  expect(original.status()).toBe(200);
  expect(original.headers()["content-disposition"]).toMatch(/^attachment; filename=/);
  expect((await original.body()).byteLength).toBeGreaterThan(1000);

  // The owner's gallery, without a reload: the next poll brings both.
  await page.clock.fastForward(31_000);
  await expect(page.getByText(/1 approved/).first()).toBeVisible();
  await expect(page.getByText(MARKUP)).toBeVisible();
  await expect(page.getByText("Dana (client)")).toBeVisible();

  // Lock: the page stays, feedback is read-only.
  await page.getByRole("tab", { name: /Shared/ }).click();
  const shared = page.getByRole("region", { name: "Shared" }).or(page.getByLabel("Shared"));
  await shared.getByRole("button", { name: "Lock" }).click();
  await expect(shared.getByText(/Locked/).first()).toBeVisible();
  await client.reload();
  await expect(client.getByText(/Feedback (is )?closed/i).first()).toBeVisible();
  await client.getByRole("button", { name: /^1 comment on image 2\b/i }).click();
  await expect(client.getByRole("list", { name: /Comments/ }).getByText(MARKUP)).toBeVisible();
  await expect(client.getByRole("button", { name: "Post comment" })).toHaveCount(0);
  await client.keyboard.press("Escape");

  // Revoke: the page is gone, and says so with a 410.
  await shared.getByRole("button", { name: "Revoke…" }).click();
  await shared.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(shared.getByText(/Revoked/).first()).toBeVisible();
  const gone = await client.goto(link);
  expect(gone?.status()).toBe(410);
  await expect(client.getByText(/revoked/i).first()).toBeVisible();
  await clientContext.close();
});

test("a guessed link is a plain 404 and the share API needs the owner's session", async ({
  request,
}) => {
  expect((await request.get("/s/AAAAAAAAAAAAAAAAAAAAAA")).status()).toBe(404);
  const create = await request.post("/api/shares", {
    data: { title: "x", images: [{ url: "https://v3.fal.media/files/a.png" }] },
  });
  expect(create.status()).toBe(401);
  const feedback = await request.post("/api/s/AAAAAAAAAAAAAAAAAAAAAA/feedback", {
    data: { imageId: "0", mark: "approved" },
  });
  expect(feedback.status()).toBe(404);
});
