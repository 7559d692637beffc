/** The playground as a user sees it: role- and label-based locators only. */
import { expect, type Locator, type Page } from "@playwright/test";
import { pngFile } from "./images";

export class PlaygroundPage {
  readonly prompt: Locator;
  readonly runButton: Locator;
  readonly references: Locator;
  readonly runs: Locator;

  constructor(readonly page: Page) {
    this.prompt = page.getByRole("textbox", { name: "Prompt", exact: true });
    this.runButton = page.getByRole("button", { name: /^Run/ });
    this.references = page.getByRole("list", { name: /Reference images/ });
    this.runs = page.getByRole("region", { name: "Runs" });
  }

  /** Opens the playground and waits until it has read the saved composer and the history. */
  async open() {
    await this.page.goto("/");
    await this.hydrated();
  }

  /** The playground as a first-time visitor sees it: no saved composer, no run history. */
  async openFresh() {
    // Each test has a new browser context, so a page that has not been anywhere yet has nothing
    // saved: one load is enough. A page that has (signed in, say) is cleared and reloaded.
    if (this.page.url() === "about:blank" && this.page.context().pages().length === 1) {
      return this.open();
    }
    await this.page.goto("/");
    await this.page.evaluate(async () => {
      localStorage.clear();
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase("hidream-playground");
        request.onsuccess = request.onerror = request.onblocked = resolve;
      });
    });
    await this.page.reload();
    await this.hydrated();
  }

  /**
   * Until the store has hydrated and read the history, the runs are busy; a test that acts
   * earlier acts on server HTML that React then resets to its own state.
   */
  async hydrated() {
    await expect(this.page.getByRole("heading", { name: "HiDream Edit Playground" })).toBeVisible();
    await expect(this.runs).toHaveAttribute("aria-busy", "false");
  }

  async addReference(name = "reference.png") {
    await this.page.getByLabel("Reference image files").setInputFiles(await pngFile(name));
    await expect(
      this.references.getByRole("listitem", { name: new RegExp(name.replace(".", "\\.")) }),
    ).toBeVisible();
  }

  async waitForUploads() {
    await expect(this.references.getByRole("status").filter({ hasText: "Uploading" })).toHaveCount(
      0,
    );
    await expect(
      this.references.getByRole("status").filter({ hasText: "Ready" }).first(),
    ).toBeVisible();
  }

  runCard(prompt: string): Locator {
    return this.page.getByRole("region", { name: `Run: ${prompt}` });
  }

  async run(prompt: string): Promise<Locator> {
    await this.prompt.fill(prompt);
    await expect(this.runButton).toBeEnabled();
    await this.runButton.click();
    return this.runCard(prompt);
  }
}
