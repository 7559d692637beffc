/**
 * Live mode with a canary FAL_KEY and FAL_UPSTREAM_URL pointing at the standalone backend: the
 * backend receives `Authorization: Key <canary>`, and the browser never sees the canary.
 */
import { expect, test } from "../support/fixtures";
import { E2E } from "../support/servers";
import { PlaygroundPage } from "../support/playground-page";
import { signIn } from "../support/sign-in";

interface SeenRequest {
  method: string;
  path: string;
  authorization: string | null;
}

test("signs in and runs on the configured upstream with the server's key, which never reaches the browser", async ({
  page,
  request,
}) => {
  await request.delete(`${E2E.backend}/_emulator/requests`);
  const leaks: string[] = [];
  page.on("response", async (response) => {
    const headers = JSON.stringify(await response.allHeaders());
    const body = await response.body().catch(() => Buffer.alloc(0));
    for (const secret of [E2E.canaryKey, E2E.password]) {
      if (headers.includes(secret) || body.includes(secret)) leaks.push(response.url());
    }
  });

  await signIn(page);
  const playground = new PlaygroundPage(page);
  await playground.open();
  await expect(page.getByText("Live · runs are billed by fal")).toBeVisible();
  await expect(page.getByRole("note")).toHaveCount(0);
  await playground.addReference();
  await playground.waitForUploads();
  const card = await playground.run("Live run through the gateway");
  await expect(card.getByRole("status").first()).toHaveText("Completed", { timeout: 30_000 });
  await expect(card.getByRole("img", { name: "Result 1" })).toBeVisible();

  const seen = (await (
    await request.get(`${E2E.backend}/_emulator/requests`)
  ).json()) as SeenRequest[];
  const keyed = seen.filter(
    (r) => r.path.startsWith("/fal-ai/") || r.path.startsWith("/storage/upload/"),
  );
  expect(keyed.map((r) => r.path)).toEqual(
    expect.arrayContaining(["/storage/upload/initiate", "/fal-ai/hidream-o1-image/dev/edit"]),
  );
  for (const r of keyed) expect(r.authorization).toBe(`Key ${E2E.canaryKey}`);
  expect(leaks).toEqual([]);
  expect(await page.content()).not.toContain(E2E.canaryKey);
  // The budget line of a live deployment (default cap) counts this run.
  await expect(page.getByText(/^Budget today: \$4\.9\d of \$5\.00 left/)).toBeVisible();
});
