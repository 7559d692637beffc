/**
 * `next start` served directly, as on a VM with nothing in front: two visitors on different
 * addresses (127.0.0.2 and 127.0.0.3 both reach 127.0.0.1) have limits of their own, and no
 * header a visitor writes makes them someone else.
 */
import { expect, test } from "../support/fixtures";
import { awayFromMinuteEdge, postSignIn, requestFrom, sessionCookie } from "../support/raw-http";
import { E2E } from "../support/servers";

const app = E2E.hardenedApp;
const TOO_MANY = /Too many attempts/;
const WRONG = /That password is not right/;

/** Headers a visitor could send to pass for another address. */
const DISGUISES: Record<string, string>[] = [
  {},
  { "x-forwarded-for": "127.0.0.3" },
  { "x-forwarded-for": "127.0.0.3, 127.0.0.3" },
  { "x-real-ip": "127.0.0.3" },
  { forwarded: "for=127.0.0.3" },
  { "x-playground-connection": "127.0.0.3" },
  { "x-vercel-forwarded-for": "127.0.0.3" },
];

test("one visitor's wrong passwords never lock another out of signing in", async () => {
  await awayFromMinuteEdge();
  // The attacker spends every attempt of the minute, in any disguise.
  for (let i = 0; i < 12; i++) {
    await postSignIn("127.0.0.2", app, "guess", { headers: DISGUISES[i % DISGUISES.length] });
  }
  for (const disguise of DISGUISES) {
    const again = await postSignIn("127.0.0.2", app, E2E.password, { headers: disguise });
    expect(again.body, JSON.stringify(disguise)).toMatch(TOO_MANY);
  }
  // Another visitor signs in at once, and a third still hears about their own typo.
  const visitor = await postSignIn("127.0.0.3", app, E2E.password, { next: "/setup" });
  expect(visitor.status).toBe(303);
  expect(visitor.headers.location).toBe("/setup");
  const typo = await postSignIn("127.0.0.4", app, "typo");
  expect(typo.body).toMatch(WRONG);
  expect(typo.body).not.toMatch(TOO_MANY);
});

test("runs per minute count per visitor, whatever headers they send", async () => {
  const submit = (address: string, cookie: string, headers: Record<string, string> = {}) =>
    requestFrom(address, `${app}/api/fal/proxy`, {
      method: "POST",
      headers: {
        ...headers,
        cookie,
        "content-type": "application/json",
        "x-fal-target-url": "https://queue.fal.run/fal-ai/hidream-o1-image/dev/edit",
      },
      body: JSON.stringify({
        prompt: "count me",
        reference_image_urls: ["https://v3.fal.media/files/x/reference.png"],
        num_inference_steps: 1,
      }),
    });
  await awayFromMinuteEdge();
  const mine = sessionCookie(await postSignIn("127.0.0.5", app, E2E.password));
  const theirs = sessionCookie(await postSignIn("127.0.0.6", app, E2E.password));
  expect((await submit("127.0.0.5", mine)).status).toBe(200);
  expect((await submit("127.0.0.5", mine)).status).toBe(200);
  for (const disguise of DISGUISES) {
    const refused = await submit("127.0.0.5", mine, disguise);
    expect(refused.status, JSON.stringify(disguise)).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ error_type: "proxy_rate_limited" });
  }
  // The same session from another address is another visitor: limits follow the address.
  expect((await submit("127.0.0.6", theirs)).status).toBe(200);
  expect((await submit("127.0.0.7", mine)).status).toBe(200);
});
