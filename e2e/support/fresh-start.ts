/** A page as a first-time visitor sees it: no saved composer, no run history. */
import { expect, type Page } from "@playwright/test";

export async function startFresh(page: Page) {
  await page.goto("/");
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase("hidream-playground");
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  });
  await page.reload();
  // Shown only once the store has hydrated and read the (empty) history: a test that clicks
  // earlier acts on server HTML that React then resets to its own state.
  await expect(page.getByText("No runs yet")).toBeVisible();
}
