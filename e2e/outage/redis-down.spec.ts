/**
 * Limits kept in a Redis that cannot be reached, on a production build: every call that counts
 * answers 503 with words (never a bare 500), and sign-in says it is paused. The error crosses
 * Next's bundles (the limiter is shared on globalThis), which a single module graph never shows.
 */
import { expect, test } from "../support/fixtures";
import { postSignIn, requestFrom, sessionCookie } from "../support/raw-http";
import { E2E } from "../support/servers";

const app = E2E.outageApp;
const TARGET = "x-fal-target-url";

test("sign-in says it is paused, in the browser", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/^Sign-in is paused/)).toBeVisible();
});

test("every counted call answers 503 in fal's shape, and following a run still works", async () => {
  // A session from the hardened app: same password and SESSION_SECRET, so the seal opens here.
  const cookie = sessionCookie(await postSignIn("127.0.0.8", E2E.hardenedApp, E2E.password));
  const call = (method: string, target: string | undefined, body?: object) =>
    requestFrom("127.0.0.8", `${app}${target ? "/api/fal/proxy" : "/api/limits"}`, {
      method,
      headers: {
        cookie,
        "content-type": "application/json",
        ...(target && { [TARGET]: target }),
      },
      body: body && JSON.stringify(body),
    });
  const counted = [
    await call("GET", undefined),
    await call("POST", "https://queue.fal.run/fal-ai/hidream-o1-image/dev/edit", {
      prompt: "x",
      reference_image_urls: ["https://v3.fal.media/files/x/r.png"],
    }),
    await call("POST", "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3", {
      content_type: "image/png",
      file_name: "r.png",
    }),
  ];
  for (const answer of counted) {
    expect(answer.status, answer.body.slice(0, 200)).toBe(503);
    expect(JSON.parse(answer.body)).toMatchObject({
      error_type: "proxy_limits_unavailable",
      detail: expect.stringMatching(/Runs are paused/),
    });
    expect(answer.body).not.toContain("127.0.0.1:1");
  }
  // Status calls follow runs already paid for: no counter, so no outage.
  const status = await call(
    "GET",
    "https://queue.fal.run/fal-ai/hidream-o1-image/requests/0b9d5c1e-4f7a-4c3b-9a2e-6d8f1e2a3b4c/status",
  );
  expect(status.status).toBe(404);
});

test("review links say the service is unavailable (503), to clients and to the owner", async ({
  page,
}) => {
  // A client, no session: the share page itself answers 503 and says so in words.
  const response = await page.goto("/s/AAAAAAAAAAAAAAAAAAAAAA");
  expect(response?.status()).toBe(503);
  await expect(page.getByText(/unavailable/i).first()).toBeVisible();

  const cookie = sessionCookie(await postSignIn("127.0.0.9", E2E.hardenedApp, E2E.password));
  const share = await requestFrom("127.0.0.9", `${app}/api/shares`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: app },
    body: JSON.stringify({ title: "x", images: [{ url: "https://v3.fal.media/files/a.png" }] }),
  });
  expect(share.status).toBe(503);
  expect(JSON.parse(share.body)).toMatchObject({ error_type: "share_store_unavailable" });
  const feedback = await requestFrom("127.0.0.9", `${app}/api/s/AAAAAAAAAAAAAAAAAAAAAA/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app },
    body: JSON.stringify({ imageId: "0", mark: "approved" }),
  });
  expect(feedback.status).toBe(503);
});
