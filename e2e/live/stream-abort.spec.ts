/**
 * A browser leaving a status stream ends the proxy's call upstream every time: after 50 streams
 * are dropped at once, the fal-compatible backend behind a production build holds none of them.
 */
import http from "node:http";
import { expect, test } from "../support/fixtures";
import { postSignIn, requestFrom, sessionCookie } from "../support/raw-http";
import { E2E } from "../support/servers";

const app = E2E.liveApp;
const QUEUE = "https://queue.fal.run/fal-ai/hidream-o1-image";
const STREAMS = 50;
/** A reference the backend can read without the network: an 8×8 PNG inline. */
const TINY_PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEElEQVQImWNgWPUfOxpaEgBEb2pBrixXegAAAABJRU5ErkJggg==";

const openStreams = async () =>
  ((await (await fetch(`${E2E.backend}/_emulator/holdings`)).json()) as { openStreams: number })
    .openStreams;

/** Opens a status stream through the proxy and resolves once its first event has arrived. */
function openStream(cookie: string, requestId: string): Promise<http.ClientRequest> {
  const url = new URL(`${app}/api/fal/proxy`);
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      agent: false,
      headers: {
        cookie,
        accept: "text/event-stream",
        "x-fal-target-url": `${QUEUE}/requests/${requestId}/status/stream?logs=1`,
      },
    });
    request.on("response", (response) => response.once("data", () => resolve(request)));
    request.on("error", (error) => {
      if (!request.destroyed) reject(error);
    });
    request.end();
  });
}

test("50 status streams dropped at once leave none open upstream, five times over", async () => {
  test.setTimeout(120_000);
  const cookie = sessionCookie(await postSignIn("127.0.0.1", app, E2E.password));
  const submitted = await requestFrom("127.0.0.1", `${app}/api/fal/proxy`, {
    method: "POST",
    headers: {
      cookie,
      "content-type": "application/json",
      "x-fal-target-url": `${QUEUE}/dev/edit`,
    },
    body: JSON.stringify({
      prompt: "Stay open [demo:hang]",
      reference_image_urls: [TINY_PNG],
    }),
  });
  expect(submitted.status).toBe(200);
  const { request_id } = JSON.parse(submitted.body) as { request_id: string };
  const before = await openStreams();
  try {
    for (let trial = 0; trial < 5; trial++) {
      const streams = await Promise.all(
        Array.from({ length: STREAMS }, () => openStream(cookie, request_id)),
      );
      await expect.poll(openStreams).toBe(before + STREAMS);
      for (const stream of streams) stream.destroy();
      await expect.poll(openStreams, { timeout: 5_000 }).toBe(before);
    }
  } finally {
    await requestFrom("127.0.0.1", `${app}/api/fal/proxy`, {
      method: "PUT",
      headers: { cookie, "x-fal-target-url": `${QUEUE}/requests/${request_id}/cancel` },
    });
  }
});
