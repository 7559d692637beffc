/**
 * The share API's rules, through its server functions on a real SQLite store: only files the app
 * made, only what the options allow, owner rights from the secret alone, and every refusal
 * said in words with its status. (The stores' own promises: lib/shares/__tests__.)
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { clearOfMinuteEnd } from "../support/minute-window";

process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "share-service-"));
process.env.FAL_KEY = "";
process.env.REDIS_URL = "";
process.env.ACCESS_PASSWORD = "";

const { createShare, shareSummaries, applyOwnerAction } = await import("@/lib/shares/owner");
const { recordFeedback, viewableShare } = await import("@/lib/shares/viewer");
const { shareErrorResponse, ShareError } = await import("@/lib/shares/errors");
const { accessProof } = await import("@/lib/shares/passcode");
const { takePasscodeAttempt } = await import("@/lib/shares/counters");
const { appShareStore } = await import("@/lib/shares/store/app-store");
const { SHARE_LIMITS } = await import("@/lib/shares/share");

const ORIGIN = "http://127.0.0.1:3000";
const demoRules = { origin: ORIGIN, demo: true };
const liveRules = { origin: ORIGIN, demo: false };
const FAL = "https://v3b.fal.media/files/b/koala/abc123.png";
let counter = 0;
const client = () => `client-${++counter}`;

const image = (url = FAL) => ({
  url,
  width: 2048,
  height: 2048,
  contentType: "image/png" as const,
  prompt: "a confidential product shot",
  parameters: { Steps: "28" },
  seed: 42,
  model: "Dev",
  referenceUrls: ["https://v3.fal.media/files/ref/1.png", "https://v3.fal.media/files/ref/2.png"],
});

async function status(promise: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    await promise;
    return { status: 200, body: null };
  } catch (error) {
    const response = shareErrorResponse(error);
    return { status: response.status, body: await response.json() };
  }
}

describe("making a share", () => {
  it("keeps only what the client may see: no prompt or parameters unless switched on", async () => {
    const made = await createShare(
      { title: "Spring", images: [image()], options: { beforeAfter: true } },
      { client: client(), rules: liveRules },
    );
    expect(made.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const stored = await appShareStore().get(made.id);
    const kept = stored!.images[0]!;
    expect(kept.prompt).toBeUndefined();
    expect(kept.parameters).toBeUndefined();
    expect(kept.seed).toBeUndefined();
    expect(kept.referenceUrls).toEqual(["https://v3.fal.media/files/ref/1.png"]);
    expect(JSON.stringify(stored)).not.toContain(made.secret);

    const open = await createShare(
      { title: "Open", images: [image()], options: { showPrompt: true, showParameters: true } },
      { client: client(), rules: liveRules },
    );
    const shown = (await appShareStore().get(open.id))!.images[0]!;
    expect(shown).toMatchObject({ prompt: "a confidential product shot", seed: 42 });
    expect(shown.referenceUrls).toBeUndefined();
  });

  it.each([
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:image/png;base64,iVBORw0KGgo="],
    ["plain http on fal", "http://v3.fal.media/files/a.png"],
    ["another host", "https://evil.example/a.png"],
    ["a look-alike host", "https://fal.media.evil.example/a.png"],
    ["a suffix trick", "https://evilfal.media/a.png"],
    ["credentials", "https://user:pw@v3.fal.media/a.png"],
    ["a port", "https://v3.fal.media:8443/a.png"],
    ["another bucket", "https://storage.googleapis.com/someone-else/a.png"],
    ["a demo path in live mode", "/api/demo-fal/files/abc/a.png"],
    ["a protocol-relative URL", "//evil.example/a.png"],
  ])("refuses an image URL that the app did not make: %s", async (_, url) => {
    const result = await status(
      createShare({ title: "x", images: [image(url)] }, { client: client(), rules: liveRules }),
    );
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ error_type: "share_invalid" });
  });

  it("accepts this app's demo files in demo mode, on its own origin only", async () => {
    const path = "/api/demo-fal/files/abc123/result.png";
    const made = await createShare(
      { title: "Demo", images: [image(`${ORIGIN}${path}`)], options: {} },
      { client: client(), rules: demoRules },
    );
    expect((await appShareStore().get(made.id))!.images[0]!.url).toBe(path);
    const foreign = await status(
      createShare(
        { title: "Demo", images: [image(`https://evil.example${path}`)] },
        { client: client(), rules: demoRules },
      ),
    );
    expect(foreign.status).toBe(422);
  });

  it("refuses a reference that is not the app's, naming it", async () => {
    const bad = { ...image(), referenceUrls: ["https://evil.example/r.png"] };
    const result = await status(
      createShare(
        { title: "x", images: [bad], options: { showReferences: true } },
        { client: client(), rules: liveRules },
      ),
    );
    expect(result).toMatchObject({ status: 422, body: { detail: /Reference 1 of image 1/ } });
  });

  it("says which bound was passed: images, title, passcode, unknown fields, record size", async () => {
    const who = { client: client(), rules: liveRules };
    const many = await status(
      createShare({ title: "x", images: Array.from({ length: 61 }, () => image()) }, who),
    );
    expect(many).toMatchObject({ status: 422, body: { detail: /at most 60 images/ } });
    const title = await status(createShare({ title: "t".repeat(121), images: [image()] }, who));
    expect(title).toMatchObject({ status: 422, body: { detail: /120 characters/ } });
    const passcode = await status(
      createShare({ title: "x", passcode: "abc", images: [image()] }, who),
    );
    expect(passcode).toMatchObject({ status: 422, body: { detail: /at least 4/ } });
    const extra = await status(
      createShare({ title: "x", images: [image()], ownerHash: "mine" } as never, who),
    );
    expect(extra.status).toBe(422);
    const huge = await status(
      createShare(
        {
          title: "x",
          options: { showPrompt: true, showParameters: true },
          images: Array.from({ length: 60 }, () => ({
            ...image(),
            prompt: "p".repeat(4_000),
            parameters: Object.fromEntries(
              Array.from({ length: 10 }, (_, i) => [`p${i}`, "v".repeat(200)]),
            ),
          })),
        },
        who,
      ),
    );
    expect(huge).toMatchObject({ status: 413, body: { error_type: "share_too_large" } });
  });
});

describe("the owner's rights come from the secret", () => {
  let share: { id: string; secret: string };
  beforeAll(async () => {
    share = await createShare(
      { title: "Owned", images: [image(), image()] },
      {
        client: client(),
        rules: liveRules,
      },
    );
  });

  it("reads a wrong, tampered or missing secret as a missing share", async () => {
    const tampered = share.secret.slice(0, -1) + (share.secret.endsWith("A") ? "B" : "A");
    const [right, wrong, unknown] = await shareSummaries({
      shares: [
        { id: share.id, secret: share.secret },
        { id: share.id, secret: tampered },
        { id: "AAAAAAAAAAAAAAAAAAAAAA", secret: share.secret },
      ],
    });
    expect(right).toMatchObject({ state: "open", imageCount: 2, views: 0 });
    expect(wrong).toEqual({ id: share.id, state: "missing" });
    expect(unknown).toEqual({ id: "AAAAAAAAAAAAAAAAAAAAAA", state: "missing" });
    const action = await status(applyOwnerAction(share.id, { action: "revoke", secret: tampered }));
    expect(action.status).toBe(404);
    expect((await viewableShare(share.id, undefined)).revokedAt).toBeNull();
  });

  it("locks (feedback closed), unlocks, extends and revokes (gone)", async () => {
    const who = { client: client(), reviewerId: "r".repeat(22) };
    expect((await applyOwnerAction(share.id, { action: "lock", secret: share.secret })).state).toBe(
      "locked",
    );
    const locked = await status(recordFeedback(share.id, { imageId: "0", mark: "approved" }, who));
    expect(locked).toMatchObject({ status: 409, body: { error_type: "share_locked" } });
    expect(
      (await applyOwnerAction(share.id, { action: "unlock", secret: share.secret })).state,
    ).toBe("open");
    const extended = await applyOwnerAction(share.id, {
      action: "extend",
      expiry: "never",
      secret: share.secret,
    });
    expect(extended.expiresAt).toBeNull();
    await recordFeedback(share.id, { imageId: "1", comment: "warmer, please" }, who);
    const revoked = await applyOwnerAction(share.id, { action: "revoke", secret: share.secret });
    expect(revoked.state).toBe("revoked");
    expect(revoked.feedback).toEqual({ marks: [], comments: [] });
    const after = await status(recordFeedback(share.id, { imageId: "0", mark: "approved" }, who));
    expect(after).toMatchObject({ status: 410, body: { detail: /revoked/ } });
    const again = await status(
      applyOwnerAction(share.id, { action: "unlock", secret: share.secret }),
    );
    expect(again.status).toBe(410);
  });
});

describe("a client's feedback", () => {
  it("needs the passcode's proof, and a proof for another share does not do", async () => {
    const made = await createShare(
      { title: "Secret", passcode: "open sesame", images: [image()] },
      { client: client(), rules: liveRules },
    );
    const hash = (await appShareStore().get(made.id))!.passcodeHash!;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const who = { client: client(), reviewerId: "a".repeat(22) };
    const none = await status(recordFeedback(made.id, { imageId: "0", mark: "approved" }, who));
    expect(none).toMatchObject({ status: 401, body: { error_type: "share_passcode_required" } });
    const other = await status(
      recordFeedback(
        made.id,
        { imageId: "0", mark: "approved" },
        { ...who, accessCookie: accessProof("B".repeat(22), hash) },
      ),
    );
    expect(other.status).toBe(401);
    const feedback = await recordFeedback(
      made.id,
      { imageId: "0", mark: "approved" },
      { ...who, accessCookie: accessProof(made.id, hash) },
    );
    expect(feedback.images["0"]).toEqual({ approved: 1, changes: 0, mine: "approved" });
  });

  it("keeps markup as plain text, limits comments and refuses unknown images", async () => {
    const made = await createShare(
      { title: "x", images: [image()] },
      {
        client: client(),
        rules: liveRules,
      },
    );
    const who = { client: client(), reviewerId: "b".repeat(22) };
    const markup = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
    const feedback = await recordFeedback(made.id, { imageId: "0", comment: markup }, who);
    expect(feedback.comments[0]).toMatchObject({ text: markup, mine: true });
    expect(JSON.stringify(feedback)).not.toContain(who.reviewerId);
    const long = await status(
      recordFeedback(made.id, { imageId: "0", comment: "x".repeat(1_001) }, who),
    );
    expect(long).toMatchObject({ status: 422, body: { detail: /1,000 characters/ } });
    const unknown = await status(recordFeedback(made.id, { imageId: "7", mark: "approved" }, who));
    expect(unknown.status).toBe(422);
    const empty = await status(recordFeedback(made.id, { imageId: "0" }, who));
    expect(empty.status).toBe(422);
  });

  it("drops characters that disguise text, from names, comments and the owner's texts", async () => {
    const made = await createShare(
      {
        title: "Spring\u202E\u0000 look\nbook",
        note: "Line one\r\nLine two\u2066\u0007",
        images: [image()],
      },
      { client: client(), rules: liveRules },
    );
    const stored = await appShareStore().get(made.id);
    expect(stored!.title).toBe("Spring look book");
    expect(stored!.note).toBe("Line one\nLine two");
    const who = { client: client(), reviewerId: "d".repeat(22) };
    const variants: [string, string, string, string][] = [
      // name sent, comment sent, name kept, comment kept
      ["<b>Boss</b>\u200b\u0000", "ok", "<b>Boss</b>", "ok"],
      ["Ann\u202Eeva", "Approved\u202E by legal", "Anneva", "Approved by legal"],
      ["Zoe\u2067x\u2069", "two\r\nlines\u0085", "Zoex", "two\nlines"],
      ["Mia\ttab\nline", "\uFEFFfine\u001B[31m", "Mia tab line", "fine[31m"],
      [
        "e\u0301",
        "cafe\u0301 \u{1F469}\u200D\u{1F4BB}",
        "\u00E9",
        "caf\u00E9 \u{1F469}\u200D\u{1F4BB}",
      ],
    ];
    for (const [name, comment, keptName, keptComment] of variants) {
      const feedback = await recordFeedback(made.id, { imageId: "0", name, comment }, who);
      expect(feedback.comments.at(-1)).toMatchObject({ name: keptName, text: keptComment });
    }
    // A comment of disguising characters alone is no comment.
    const empty = await status(
      recordFeedback(made.id, { imageId: "0", comment: "\u202E\u0000" }, who),
    );
    expect(empty.status).toBe(422);
  });

  it("bounds who may mark: new reviewers per network a day, and reviewers per share", async () => {
    const made = await createShare(
      { title: "x", images: [image()] },
      { client: client(), rules: liveRules },
    );
    const reviewer = (n: number) => `r${String(n).padStart(21, "0")}`;
    // One network dropping its cookie again and again: 20 new reviewers, then no more.
    const office = client();
    const { newReviewersPerClientPerSharePerDay: perDay, reviewersPerShare } = SHARE_LIMITS;
    for (let n = 0; n < perDay; n++) {
      await recordFeedback(
        made.id,
        { imageId: "0", mark: "approved" },
        { client: office, reviewerId: reviewer(n) },
      );
    }
    const stuffed = await status(
      recordFeedback(
        made.id,
        { imageId: "0", mark: "approved" },
        { client: office, reviewerId: reviewer(perDay) },
      ),
    );
    expect(stuffed).toMatchObject({ status: 429, body: { detail: /new reviewers on this link/ } });
    // Those already reviewing may change their mind, and may still comment.
    const changed = await recordFeedback(
      made.id,
      { imageId: "0", mark: "changes" },
      { client: office, reviewerId: reviewer(0) },
    );
    expect(changed.images["0"]).toMatchObject({ approved: perDay - 1, changes: 1 });
    await recordFeedback(
      made.id,
      { imageId: "0", comment: "from a new browser" },
      { client: office, reviewerId: reviewer(perDay) },
    );

    // Many networks: the share takes 100 reviewers in all.
    for (let n = perDay; n < reviewersPerShare; n++) {
      await recordFeedback(
        made.id,
        { imageId: "0", mark: "approved" },
        { client: client(), reviewerId: reviewer(n + 1) },
      );
    }
    const full = await status(
      recordFeedback(
        made.id,
        { imageId: "0", mark: "approved" },
        { client: client(), reviewerId: reviewer(999) },
      ),
    );
    expect(full).toMatchObject({ status: 409, body: { detail: /limit of 100 reviewers/ } });
    // A mark and a comment in one request: refused together, so nothing is half saved.
    const commentsBefore = await appShareStore().commentCount(made.id);
    const both = await status(
      recordFeedback(
        made.id,
        { imageId: "0", mark: "changes", comment: "with my mark" },
        { client: client(), reviewerId: reviewer(998) },
      ),
    );
    expect(both).toMatchObject({ status: 409, body: { detail: /Nothing was saved/ } });
    expect(await appShareStore().commentCount(made.id)).toBe(commentsBefore);
    const feedback = await recordFeedback(
      made.id,
      { imageId: "0", comment: "still heard" },
      { client: client(), reviewerId: reviewer(999) },
    );
    expect(feedback.images["0"]!.approved + feedback.images["0"]!.changes).toBe(reviewersPerShare);
  });

  it("keeps a share's comments bounded, and a mark sent with a refused comment is not saved", async () => {
    const made = await createShare(
      { title: "x", images: [image()] },
      { client: client(), rules: liveRules },
    );
    const store = appShareStore();
    for (let n = 0; n < SHARE_LIMITS.commentsPerShare; n++) {
      await store.addComment(made.id, {
        id: `c${n}`,
        imageId: "0",
        reviewerId: "e".repeat(22),
        text: `comment ${n}`,
        at: Date.now(),
      });
    }
    const who = { client: client(), reviewerId: "f".repeat(22) };
    const refused = await status(
      recordFeedback(made.id, { imageId: "0", mark: "approved", comment: "one more" }, who),
    );
    expect(refused).toMatchObject({ status: 409, body: { detail: /limit of 2000 comments/ } });
    expect((await store.feedback(made.id)).marks).toEqual([]);
    // Marks can still change once comments are full.
    const after = await recordFeedback(made.id, { imageId: "0", mark: "approved" }, who);
    expect(after.images["0"]).toMatchObject({ approved: 1, mine: "approved" });
    expect(after.comments).toHaveLength(SHARE_LIMITS.commentsPerShare);
  });

  it("limits feedback per client per minute", async () => {
    await clearOfMinuteEnd();
    const made = await createShare(
      { title: "x", images: [image()] },
      {
        client: client(),
        rules: liveRules,
      },
    );
    const who = { client: client(), reviewerId: "c".repeat(22) };
    for (let i = 0; i < 30; i += 1) {
      await recordFeedback(made.id, { imageId: "0", mark: i % 2 ? "approved" : "changes" }, who);
    }
    const refused = await status(recordFeedback(made.id, { imageId: "0", mark: "approved" }, who));
    expect(refused).toMatchObject({ status: 429, body: { error_type: "share_rate_limited" } });
  });

  it("answers guessed and malformed ids with a plain 404", async () => {
    for (const id of ["AAAAAAAAAAAAAAAAAAAAAA", "../../etc/passwd", "", "x".repeat(500)]) {
      const result = await status(viewableShare(id, undefined));
      expect(result).toMatchObject({ status: 404, body: { error_type: "share_not_found" } });
    }
  });
});

describe("passcode guessing", () => {
  it("is limited per client, and per share whoever guesses", async () => {
    const shareId = "P".repeat(22);
    for (let i = 0; i < 10; i += 1) await takePasscodeAttempt("guesser", shareId);
    await expect(takePasscodeAttempt("guesser", shareId)).rejects.toBeInstanceOf(ShareError);
    const otherShare = "Q".repeat(22);
    for (let i = 0; i < 60; i += 1) await takePasscodeAttempt(`botnet-${i}`, otherShare);
    const refused = await status(takePasscodeAttempt("botnet-new", otherShare));
    expect(refused).toMatchObject({
      status: 429,
      body: { detail: /wrong passcodes on this link/ },
    });
  });

  it("counts only wrong passcodes against the share, so those who know it never lock it", async () => {
    const shareId = "R".repeat(22);
    // A room of clients typing the right passcode, more than the share's hour allows.
    for (let i = 0; i < 80; i += 1) {
      const attempt = await takePasscodeAttempt(`room-${i}`, shareId);
      await attempt.succeeded();
    }
    // Wrong guesses still meet the share's bound, and then everyone waits.
    for (let i = 0; i < 60; i += 1) await takePasscodeAttempt(`guess-${i}`, shareId);
    expect((await status(takePasscodeAttempt("late", shareId))).status).toBe(429);
  });
});

it("maps a schema error to 422 with the field named", async () => {
  const response = shareErrorResponse(z.object({ a: z.string() }).safeParse({}).error);
  expect(response.status).toBe(422);
  expect(await response.json()).toMatchObject({ detail: /\(a\)/ });
});
