/** The e2e suite's `test`: Playwright's, with the playground page object as a fixture. */
import { test as base } from "@playwright/test";
import { PlaygroundPage } from "./playground-page";

export const test = base.extend<{ playground: PlaygroundPage }>({
  // Playwright names the callback `use`; it is not React's hook.
  playground: async ({ page }, provide) => {
    await provide(new PlaygroundPage(page));
  },
});

export { expect } from "@playwright/test";
export type { Page, Locator } from "@playwright/test";
