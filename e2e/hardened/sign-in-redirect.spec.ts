/**
 * After a correct sign-in the visitor lands on this site, whatever `next` says: every control
 * character a browser drops or rewrites, backslashes, other schemes. In Chromium with JavaScript
 * on (the case the review confirmed), and posted straight to the server action.
 */
import { expect, test } from "../support/fixtures";
import { postSignIn } from "../support/raw-http";
import { E2E } from "../support/servers";

const app = E2E.hardenedApp;

// One sign-in each (ten a minute from one address): the spellings the review and the parser
// checks found most dangerous in a real browser.
const IN_CHROMIUM = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "/\\evil.example",
  "/\t\\evil.example",
  "//evil.example/%2F..",
  "https://evil.example/",
];

for (const next of IN_CHROMIUM) {
  test(`stays on the site after signing in with next=${JSON.stringify(next)}`, async ({ page }) => {
    const elsewhere: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(app)) elsewhere.push(request.url());
    });
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Password").fill(E2E.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    expect(new URL(page.url()).origin).toBe(app);
    expect(elsewhere).toEqual([]);
  });
}

test("the server action itself redirects only within the site", async () => {
  const attempts = [
    ...Array.from({ length: 0x21 }, (_, i) => `/${String.fromCharCode(i)}/evil.example`),
    "/\u007f/evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "///evil.example",
    "/%09/evil.example",
    "javascript:alert(1)",
    "/setup",
  ];
  // Spread over addresses: each has its own ten attempts a minute.
  for (const [i, next] of attempts.entries()) {
    const answer = await postSignIn(`127.0.1.${1 + Math.floor(i / 8)}`, app, E2E.password, {
      next,
    });
    expect(answer.status, JSON.stringify(next)).toBe(303);
    const location = answer.headers.location ?? "";
    expect(new URL(location, app).origin, JSON.stringify(next)).toBe(app);
  }
});
