/**
 * Another site's page cannot use this deployment's API through its visitors' browsers: Chromium
 * marks what that page sends (Sec-Fetch-Site), and every API route refuses it before doing
 * anything (lib/security/cross-site.ts). The requests are Chromium's own, from a page of another site.
 */
import { expect, test } from "../support/fixtures";
import { E2E } from "../support/servers";

// Another site: the test backend's own page, by another name (localhost and 127.0.0.1 are two
// sites to a browser). A real server on this machine, as Chromium stops a public page's calls to a
// local address by itself (Local Network Access), which would hide what the app does.
const ELSEWHERE = E2E.backend.replace("127.0.0.1", "localhost");
const SUBMIT_TARGET = "https://queue.fal.run/fal-ai/hidream-o1-image/dev/edit";

test("another site's page gets nothing from the API and starts no run", async ({ page }) => {
  // What the server answered, read from the network layer (the page itself is not let read it).
  const answers: string[] = [];
  const sent = new Map<string, string>();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  cdp.on("Network.requestWillBeSent", ({ requestId, request }) => {
    const url = new URL(request.url);
    if (url.origin === E2E.demoApp) sent.set(requestId, `${request.method} ${url.pathname}`);
  });
  cdp.on("Network.responseReceivedExtraInfo", ({ requestId, statusCode }) => {
    const request = sent.get(requestId);
    if (request) answers.push(`${request} ${statusCode}`);
  });
  await page.goto(`${ELSEWHERE}/_emulator/requests`);

  const thrown = await page.evaluate(
    async ({ app, target }) => {
      const body = JSON.stringify({
        prompt: "spent from elsewhere",
        reference_image_urls: ["https://v3.fal.media/files/x/reference.png"],
      });
      // What a page can send without asking: no custom header, a plain-text body. (Reading the
      // answers is also refused, by their Cross-Origin-Resource-Policy: the fetch fails.)
      const send = (path: string, init: RequestInit) =>
        fetch(`${app}${path}`, { mode: "no-cors", credentials: "include", ...init }).catch(
          () => {},
        );
      await send("/api/limits", {});
      await send("/api/fal/proxy", { method: "POST", body });
      await send("/api/s/AAAAAAAAAAAAAAAAAAAAAA/feedback", {
        method: "POST",
        body: JSON.stringify({ image: 0, verdict: "approved" }),
      });
      await new Promise((resolve) => {
        const image = new Image();
        image.onload = image.onerror = resolve;
        image.src = `${app}/api/thumbnail?w=640&url=${encodeURIComponent("https://v3.fal.media/files/x/out.png")}`;
      });
      // With the fal client's own header the browser asks first, and the answer does not allow it.
      try {
        await fetch(`${app}/api/fal/proxy`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-fal-target-url": target },
          body,
        });
        return "sent";
      } catch (error) {
        return String(error);
      }
    },
    { app: E2E.demoApp, target: SUBMIT_TARGET },
  );

  expect(thrown).toMatch(/Failed to fetch/);
  expect(answers).toEqual(
    expect.arrayContaining([
      "GET /api/limits 403",
      "POST /api/s/AAAAAAAAAAAAAAAAAAAAAA/feedback 403",
      "GET /api/thumbnail 403",
    ]),
  );
  // No call got through the proxy: the plain POST lacks its target header, and the real one was
  // never sent, as the browser's question first (OPTIONS) was refused.
  const proxied = answers.filter((a) => a.includes("/api/fal/proxy"));
  expect(proxied.length).toBeGreaterThan(0);
  for (const answer of proxied) expect(answer).toMatch(/ 4\d\d$/);
  expect(proxied.filter((a) => a.startsWith("POST")).length).toBe(1);
});
