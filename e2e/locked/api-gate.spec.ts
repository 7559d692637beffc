/**
 * API routes skip Next's request proxy (proxy.ts), so each must refuse a visitor without a
 * session by itself; only the share feedback and the demo files are public by design. Sent as raw
 * HTTP so paths reach the server exactly as written (a browser or fetch would tidy them first).
 */
import http from "node:http";
import { expect, test } from "@playwright/test";
import { postSignIn, sessionCookie } from "../support/raw-http";
import { E2E } from "../support/servers";

const app = new URL(E2E.lockedApp);
const SHARE_ID = "AAAAAAAAAAAAAAAAAAAAAA";
const STATUS_TARGET =
  "https://queue.fal.run/fal-ai/hidream-o1-image/requests/00000000-0000-4000-8000-000000000000/status";

function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      { host: app.hostname, port: app.port, method, path, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const json = { "content-type": "application/json", origin: app.origin };
/** Every API route and method the app serves that spends, reveals or changes anything. */
const GATED: [string, string, Record<string, string>, string?][] = [
  ["GET", "/api/limits", {}],
  ["HEAD", "/api/limits", {}],
  ["GET", "/api/fal/proxy", { "x-fal-target-url": STATUS_TARGET }],
  [
    "POST",
    "/api/fal/proxy",
    { ...json, "x-fal-target-url": "https://queue.fal.run/fal-ai/hidream-o1-image/dev/edit" },
    JSON.stringify({ prompt: "p", reference_image_urls: ["https://v3.fal.media/f/x.png"] }),
  ],
  ["PUT", "/api/fal/proxy", { "x-fal-target-url": `${STATUS_TARGET}/../cancel` }],
  ["POST", "/api/shares", json, "{}"],
  ["POST", "/api/shares/status", json, "{}"],
  ["POST", `/api/shares/${SHARE_ID}`, json, "{}"],
  ["PUT", "/api/demo-fal/storage/uploads/sometoken", { "content-type": "image/png" }, "x"],
  ["POST", "/api/demo-fal/storage/uploads/sometoken/complete", json, "{}"],
  ["OPTIONS", "/api/demo-fal/storage/uploads/sometoken", {}],
  ["POST", "/api/demo-fal/storage/upload/initiate", json, "{}"],
];

test("every API route refuses a visitor without a session by itself", async () => {
  for (const [method, path, headers, body] of GATED) {
    const answer = await raw(method, path, headers, body);
    expect(answer.status, `${method} ${path}`).toBe(401);
  }
  // Public by design: the share decides (none here), and files are public by URL, as fal's are.
  const feedback = await raw("POST", `/api/s/${SHARE_ID}/feedback`, json, "{}");
  expect(feedback.status).not.toBe(401);
  expect((await raw("GET", "/api/demo-fal/files/abc123/result.png")).status).toBe(404);

  // With a session the same calls pass the gate (so the 401s above are the gate's).
  const cookie = sessionCookie(await postSignIn("127.0.0.1", E2E.lockedApp, E2E.password));
  const limits = await raw("GET", "/api/limits", { cookie });
  expect(limits.status).toBe(200);
  expect(JSON.parse(limits.body)).toHaveProperty("runsPerMinute");
});

test("no path trick reaches an API answer or a page without a session", async () => {
  const tricks = [
    "/api/fal/proxy/../../api/limits",
    "/api/./limits",
    "/api/limits/",
    "/api//limits",
    "//api/limits",
    "/API/limits",
    "/api/Limits",
    "/api%2Flimits",
    "/api/limits%2F",
    "/%61pi/limits",
    "/api/..%2Fsetup",
    "/api/..%2F..%2Fsetup",
    "/api/%2E%2E/setup",
    "/api/s/x/../../limits",
    "/api/demo-fal/..%2F..%2Fsetup",
    "/api/demo-fal/files/..%2F..%2Flimits",
    "/api/fal/proxy/..;/..;/setup",
  ];
  for (const path of tricks) {
    for (const method of ["GET", "HEAD", "OPTIONS", "POST"]) {
      const answer = await raw(
        method,
        path,
        method === "POST" ? json : {},
        method === "POST" ? "{}" : undefined,
      );
      const what = `${method} ${path} → ${answer.status}`;
      // Next answers OPTIONS for a route handler itself (204, its methods): nothing else.
      if (method === "OPTIONS" && answer.status === 204) expect(answer.body, what).toBe("");
      else expect([303, 307, 308, 401, 404, 405], what).toContain(answer.status);
      expect(answer.body, what).not.toContain("runsPerMinute");
      expect(answer.body, what).not.toContain("Setup check");
    }
  }
});
