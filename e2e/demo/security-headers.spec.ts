/**
 * The security headers are on, and the whole flow still works under them: a run with an upload,
 * logs and a result, with no Content-Security-Policy violation reported by the browser.
 */
import { expect, test } from "../support/fixtures";
import { E2E } from "../support/servers";

test("pages carry a nonce-based CSP and the other security headers", async ({ page }) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toMatch(/img-src 'self' https:\/\/fal\.media https:\/\/\*\.fal\.media/);
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Every script Next wrote into the page carries this response's nonce.
  const scripts = await page
    .locator("script")
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
  // A fresh nonce per response.
  const again = await page.request.get("/");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);
});

test("a whole run works with the policy on, without a single violation", async ({
  page,
  baseURL,
  playground,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(
        `Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
  await playground.openFresh();
  await playground.addReference();
  await playground.waitForUploads();
  const card = await playground.run("Under a strict policy");
  await expect(card.getByRole("status").first()).toHaveText("Completed", { timeout: 30_000 });
  await expect(card.getByRole("img", { name: "Result 1" })).toBeVisible();
  expect(
    await card
      .getByRole("img", { name: "Result 1" })
      .evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBeGreaterThan(0);
  // The card shows a thumbnail kept in the browser, made by the page's own origin; the original,
  // opened in the lightbox, is served from the page's own origin too, as the policy's 'self' requires.
  await expect(card.getByRole("img", { name: "Result 1" })).toHaveAttribute("src", /^blob:/);
  await card.getByRole("button", { name: "Open image 1 in the lightbox" }).click();
  const original = page.getByRole("dialog").locator(`img[src^="${baseURL}/api/demo-fal/files/"]`);
  await expect(original.first()).toBeVisible();
  await expect
    .poll(() => original.first().evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  expect(violations).toEqual([]);
});

test("API answers are not cached and cannot be sniffed", async ({ request }) => {
  const response = await request.get("/api/limits");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await response.json()).toEqual({
    runsPerMinute: null,
    dailyBudget: null,
    store: "memory",
  });
});
test("proxy answers are sent as they came, never gzipped by the server", async ({ request }) => {
  // A few hundred bytes of JSON polled every half second: compressing each costs the server more
  // than it saves (npm run bench, proxy-deployed).
  const response = await request.get("/api/fal/proxy", {
    headers: {
      "x-fal-target-url":
        "https://queue.fal.run/fal-ai/hidream-o1-image/requests/00000000-0000-4000-8000-000000000000/status",
      "accept-encoding": "gzip, deflate, br",
    },
  });
  expect(response.headers()["cache-control"]).toBe("no-store, no-transform");
  expect(response.headers()["content-encoding"]).toBeUndefined();
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("says why a link from another site cannot be previewed under the policy", async ({
  page,
  playground,
}) => {
  await playground.openFresh();
  // Another origin than the page's: the standalone backend the live project uses.
  await page.getByLabel("Image URL").fill(`${E2E.backend}/files/elsewhere.png`);
  await page.getByRole("button", { name: "Add URL" }).click();
  await expect(page.getByRole("alert", { name: "Files not added" })).toContainText(
    "security policy only shows images from fal storage and this site, so 127.0.0.1:3319 can't be previewed",
  );
});

test("a demo file never runs as a page of the app, whatever its upload said", async ({
  page,
  request,
  baseURL,
}) => {
  const initiate = async (contentType: string) => {
    const response = await request.post("/api/fal/proxy", {
      headers: {
        "x-fal-target-url": "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
        "content-type": "application/json",
      },
      data: { content_type: contentType, file_name: "a.png" },
    });
    expect(response.status()).toBe(200);
    return (await response.json()) as { upload_url: string; file_url: string };
  };
  const script = "<script>window.opener=null;document.title='ran';alert(1)</script>";
  // The upload URL was made for a PNG: a PUT that names a page is refused.
  for (const type of ["text/html", "image/svg+xml", "application/xhtml+xml"]) {
    const { upload_url } = await initiate("image/png");
    const put = await request.put(upload_url, { headers: { "content-type": type }, data: script });
    expect(put.status()).toBe(400);
    expect(await put.text()).toContain("made for image/png");
  }
  // Markup sent as a PNG stays a PNG: opened as a page, it runs nothing.
  const { upload_url, file_url } = await initiate("image/png");
  const put = await request.put(upload_url, {
    headers: { "content-type": "image/png" },
    data: script,
  });
  expect(put.status()).toBe(200);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const opened = await page.goto(file_url);
  const headers = opened!.headers();
  expect(headers["content-type"]).toBe("image/png");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toContain("default-src 'none'");
  expect(headers["content-security-policy"]).toContain("sandbox");
  expect(await page.title()).not.toBe("ran");
  expect(dialogs).toEqual([]);

  // A real image opened on its own still shows.
  const png = await initiate("image/png");
  const bytes = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
    "base64",
  );
  expect(
    (
      await request.put(png.upload_url, { headers: { "content-type": "image/png" }, data: bytes })
    ).status(),
  ).toBe(200);
  await page.goto(png.file_url);
  await expect
    .poll(() => page.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(1);

  // Every other API answer, an unknown route's included, is no page either; built chunks are
  // not sniffed.
  for (const path of ["/api/limits", "/api/no-such-route", "/api/demo-fal/files/nope/x.png"]) {
    const answer = await request.get(path);
    expect(answer.headers()["content-security-policy"], path).toContain("default-src 'none'");
    expect(answer.headers()["x-content-type-options"], path).toBe("nosniff");
  }
  await page.goto(`${baseURL}/`);
  const chunk = await page.locator("script[src*='/_next/static/']").first().getAttribute("src");
  const chunkAnswer = await request.get(chunk!);
  expect(chunkAnswer.headers()["x-content-type-options"]).toBe("nosniff");
});
