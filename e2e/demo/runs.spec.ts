import { readFile } from "node:fs/promises";
import { expect, test } from "../support/fixtures";
import { PlaygroundPage } from "../support/playground-page";

const status = (card: ReturnType<PlaygroundPage["runCard"]>) => card.getByRole("status").first();
/** Whether the page has left itself the hint that this browser has runs (components/runs/run-list.tsx). */
const hasRunsHint = (page: import("@playwright/test").Page) =>
  page.evaluate(() => localStorage.getItem("hidream-playground.has-runs"));

test.beforeEach(({ playground }) => playground.openFresh());

async function ready(page: import("@playwright/test").Page) {
  const playground = new PlaygroundPage(page);
  await playground.addReference();
  await playground.waitForUploads();
  return playground;
}

test("runs two edits at once, each to its own result", async ({ page }) => {
  const playground = await ready(page);
  const slow = await playground.run("First, waits behind others [demo:slow]");
  const fast = await playground.run("Second, starts right away");
  await expect(status(slow)).toHaveText(/In queue · position [2-4]/);
  await expect(status(fast)).toHaveText("Completed", { timeout: 30_000 });
  await expect(status(slow)).toHaveText("Completed", { timeout: 30_000 });
  await expect(slow.getByRole("img", { name: /Result 1|image 1/i }).first()).toBeVisible();
  await expect(fast.getByRole("img", { name: /Result 1|image 1/i }).first()).toBeVisible();
});

test("cancels a run that would never finish", async ({ page }) => {
  const playground = await ready(page);
  const card = await playground.run("Never ends [demo:hang]");
  await expect(status(card)).toHaveText("Running");
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(status(card)).toHaveText("Cancelled", { timeout: 15_000 });
  await expect(card.getByRole("alert")).toContainText("Request was cancelled.");
  await expect(card.getByRole("button", { name: "Retry" })).toBeVisible();
});

test("says when fal has gone quiet, without asking it more often", async ({ page, playground }) => {
  await page.clock.install();
  await playground.open();
  await playground.addReference();
  await playground.waitForUploads();
  const proxied: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/fal/proxy")) proxied.push(request.url());
  });
  const card = await playground.run("Stalls after it starts [demo:quiet]");
  await expect(status(card)).toHaveText("Running");
  const notice = card.getByRole("status").filter({ hasText: "No news from fal" });
  await expect(notice).toHaveCount(0);
  const before = proxied.length;
  await page.clock.fastForward("00:25");
  await expect(notice).toHaveText(/No news from fal for over 20 s\. Still following this run/);
  expect(proxied.length).toBe(before);
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(status(card)).toHaveText("Cancelled", { timeout: 15_000 });
  await expect(notice).toHaveCount(0);
});

test("keeps a result that fal delivers after a cancel", async ({ page }) => {
  const playground = await ready(page);
  const card = await playground.run("Too late to stop [demo:late]");
  await expect(status(card)).toHaveText("Running");
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(status(card)).toHaveText("Completed", { timeout: 30_000 });
  await expect(
    card.getByText("fal finished this run before the cancel reached it; the result is kept."),
  ).toBeVisible();
  await expect(card.getByRole("img", { name: "Result 1" })).toBeVisible();
});

test("resumes a run after a reload and still gets its result", async ({ page }) => {
  const playground = await ready(page);
  const card = await playground.run("Survive a reload [demo:slow]");
  await expect(status(card)).toHaveText(/In queue/);
  await page.reload();
  const again = playground.runCard("Survive a reload [demo:slow]");
  await expect(status(again)).toHaveText(/In queue|Running/);
  await expect(status(again)).toHaveText("Completed", { timeout: 30_000 });
  await expect(again.getByRole("img", { name: /Result 1|image 1/i }).first()).toBeVisible();
  await expect(again).toContainText(/queued \d+\.\d s · inference \d+\.\d s · total \d+\.\d s/);
});

test("waits while offline and resumes when the connection is back", async ({ page, context }) => {
  const playground = await ready(page);
  const card = await playground.run("Offline for a moment [demo:slow]");
  await expect(status(card)).toHaveText(/In queue/);
  await context.setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event("offline")));
  await expect(
    card.getByText(/Offline · resumes when you are back online|Reconnecting to fal/),
  ).toBeVisible({ timeout: 20_000 });
  await context.setOffline(false);
  await expect(status(card)).toHaveText("Completed", { timeout: 45_000 });
});

for (const [directive, title, detail] of [
  ["[demo:500]", "fal had a problem running this", "internal_error"],
  ["[demo:401]", "The fal key is invalid", "No user found for Key ID and Secret"],
  ["[demo:403]", "fal refused the run", "Exhausted balance"],
  ["[demo:429]", "Too many runs at once", "Rate limit exceeded"],
] as const) {
  test(`explains a ${directive.slice(6, 9)} failure in words and offers a retry only on click`, async ({
    page,
  }) => {
    const playground = await ready(page);
    const card = await playground.run(`Fail please ${directive}`);
    await expect(status(card)).toHaveText("Failed", { timeout: 30_000 });
    await expect(card.getByRole("alert")).toContainText(title);
    await expect(card.getByRole("alert")).toContainText(detail);
    await expect(page.getByRole("region", { name: /^Run: / })).toHaveCount(1);
  });
}

test("keeps finished runs across reloads and exports them as JSON", async ({ page }) => {
  const playground = await ready(page);
  const card = await playground.run("Keep me in history");
  await expect(status(card)).toHaveText("Completed", { timeout: 30_000 });
  // The next visit fetches the list's code while it reads the history, not after.
  await expect.poll(() => hasRunsHint(page)).toBe("1");
  await page.reload();
  const kept = playground.runCard("Keep me in history");
  await expect(status(kept)).toHaveText("Completed");
  await expect(kept.getByRole("img", { name: /Result 1|image 1/i }).first()).toBeVisible();
  await kept.locator("summary", { hasText: "Logs" }).click();
  await expect(kept.getByRole("list", { name: "Run logs" })).toContainText("Step 28/28");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export JSON" }).click(),
  ]);
  const exported = JSON.parse(await readFile((await download.path())!, "utf8")) as {
    format: string;
    runs: {
      input: { prompt: string };
      endpointId: string;
      output?: { images: unknown[]; seed: number };
      recipes: { endpoint: string; seed: number; input: { prompt: string } }[];
      logs: unknown[];
    }[];
  };
  expect(exported.format).toBe("hidream-playground-history");
  const [run] = exported.runs;
  expect(run?.input.prompt).toBe("Keep me in history");
  expect(run?.endpointId).toBe("fal-ai/hidream-o1-image/dev/edit");
  expect(run?.output?.images).toHaveLength(1);
  expect(run?.recipes).toEqual([
    expect.objectContaining({
      endpoint: "fal-ai/hidream-o1-image/dev/edit",
      seed: run?.output?.seed,
      input: expect.objectContaining({ prompt: "Keep me in history" }),
    }),
  ]);
  expect(run?.logs.length).toBeGreaterThan(28);
});

test("clears finished runs after a confirmation", async ({ page }) => {
  const playground = await ready(page);
  const card = await playground.run("Clear me");
  await expect(status(card)).toHaveText("Completed", { timeout: 30_000 });
  await page.getByRole("button", { name: "Clear all" }).click();
  await page
    .getByRole("group", { name: "Confirm clearing the history" })
    .getByRole("button", { name: "Clear" })
    .click();
  await expect(page.getByText("No runs yet")).toBeVisible();
  await expect.poll(() => hasRunsHint(page)).toBeNull();
  await page.reload();
  await expect(page.getByText("No runs yet")).toBeVisible();
});

test("shows runs saved by the previous version of the history, errors and all", async ({
  page,
  playground,
}) => {
  // A history written before errors were stored as codes: version 1, errors as words. Written
  // from a page that does not open the history itself.
  await page.goto("/setup");
  await page.evaluate(async () => {
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase("hidream-playground");
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open("hidream-playground", 1);
      open.onupgradeneeded = () => {
        const runs = open.result.createObjectStore("runs", { keyPath: "id" });
        runs.createIndex("submittedAt", "submittedAt");
        open.result.createObjectStore("logs", { keyPath: "runId" });
      };
      open.onsuccess = () => {
        const tx = open.result.transaction("runs", "readwrite");
        const input = { prompt: "", reference_image_urls: ["https://v3.fal.media/a.png"] };
        tx.objectStore("runs").put({
          id: "old-cancelled",
          requestId: "0b9d5c1e-4f7a-4c3b-9a2e-6d8f1e2a3b4c",
          input: { ...input, prompt: "Saved before the upgrade" },
          phase: "cancelled",
          error: { title: "Cancelled", message: "Request was cancelled.", retryable: true },
          submittedAt: Date.now() - 60_000,
          completedAt: Date.now() - 50_000,
        });
        tx.objectStore("runs").put({
          id: "old-locked",
          input: { ...input, prompt: "Refused before the upgrade" },
          phase: "failed",
          error: { title: "fal refused the run", message: "User is locked.", retryable: false },
          submittedAt: Date.now() - 40_000,
          completedAt: Date.now() - 39_000,
        });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
      };
      open.onerror = () => reject(open.error);
    });
  });
  await playground.open();
  const cancelled = playground.runCard("Saved before the upgrade");
  await expect(status(cancelled)).toHaveText("Cancelled");
  await expect(cancelled.getByRole("alert")).toHaveText(/CancelledRequest was cancelled\./);
  await expect(cancelled.getByRole("button", { name: "Retry" })).toBeVisible();
  const refused = playground.runCard("Refused before the upgrade");
  await expect(refused.getByRole("alert")).toHaveText(/fal refused the runUser is locked\./);
  await expect(refused.getByRole("button", { name: "Retry" })).toHaveCount(0);
});
