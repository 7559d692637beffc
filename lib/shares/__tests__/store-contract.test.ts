/**
 * One contract, two stores: every promise in contract.ts is checked against SQLite (a temp file)
 * and a real, throwaway redis-server, then each store's own failure modes: SQLite across a close
 * and reopen and in an unwritable place, Redis stopped, hung and restarted.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  TOMBSTONE_MS,
  type CommentEntry,
  type MarkEntry,
  type ShareRecord,
} from "@/lib/shares/share";
import { isShareStoreUnavailable, type ShareStore } from "@/lib/shares/store/contract";
import { createRedisShareStore } from "@/lib/shares/store/redis-store";
import { createSqliteStore } from "@/lib/shares/store/sqlite-store";
import { freePort, startRedisServer, type RedisServer } from "@/tests/support/redis-server";

const DAY = 86_400_000;
const newId = () => randomBytes(16).toString("base64url");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sampleShare(overrides: Partial<ShareRecord> = {}): ShareRecord {
  const now = Date.now();
  return {
    id: newId(),
    title: "Spring campaign",
    note: "Pick your favourites.",
    options: { showPrompt: true, showParameters: false, showReferences: false, beforeAfter: false },
    images: [
      {
        id: "0",
        url: "https://v3.fal.media/files/a.png",
        width: 1024,
        height: 1024,
        seed: 2 ** 53 - 1,
      },
      { id: "1", url: "https://v3.fal.media/files/b.png", referenceUrls: [], parameters: {} },
    ],
    createdAt: now,
    expiresAt: now + 7 * DAY,
    lockedAt: null,
    revokedAt: null,
    passcodeHash: "scrypt$16384$8$1$c2FsdA$aGFzaA",
    ownerHash: "a".repeat(64),
    ...overrides,
  };
}

/** A share the store may forget `ms` from now (its tombstone ends then). */
const forgottenIn = (ms: number) => sampleShare({ expiresAt: Date.now() - TOMBSTONE_MS + ms });

const mark = (reviewerId: string, value: MarkEntry["mark"], extra: Partial<MarkEntry> = {}) => ({
  imageId: "0",
  reviewerId,
  mark: value,
  at: Date.now(),
  ...extra,
});
const comment = (text: string, reviewerId = "r1"): CommentEntry => ({
  id: newId(),
  imageId: "0",
  reviewerId,
  text,
  at: Date.now(),
});

/** The rejection of a call that must fail, with how long it took. */
async function rejection(call: () => Promise<unknown>) {
  const start = Date.now();
  const error: unknown = await call().then(
    () => expect.fail("expected the store to reject"),
    (error: unknown) => error,
  );
  return { error, ms: Date.now() - start };
}

interface Backend {
  open(): ShareStore;
  stop(): Promise<void>;
}

const backends: { kind: ShareStore["kind"]; start(): Promise<Backend> }[] = [
  {
    kind: "sqlite",
    async start() {
      const dir = mkdtempSync(join(tmpdir(), "shares-contract-"));
      return {
        open: () => createSqliteStore(join(dir, "nested", "shares.sqlite")),
        stop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    kind: "redis",
    async start() {
      const server = await startRedisServer();
      return { open: () => createRedisShareStore(server.url), stop: () => server.stop() };
    },
  },
];

describe.each(backends)("the $kind share store", ({ kind, start }) => {
  let backend: Backend;
  let store: ShareStore;

  beforeAll(async () => {
    backend = await start();
    store = backend.open();
  });
  afterAll(async () => {
    await store?.close();
    await backend?.stop();
  });

  it("says which kind it is and answers a ping", async () => {
    expect(store.kind).toBe(kind);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it("gives back exactly the share it was given", async () => {
    const share = sampleShare();
    await store.create(share);
    expect(await store.get(share.id)).toStrictEqual(share);
    expect(await store.get(newId())).toBeNull();
  });

  it("never overwrites a share", async () => {
    const share = sampleShare();
    await store.create(share);
    const { error } = await rejection(() => store.create({ ...share, title: "Impostor" }));
    expect(isShareStoreUnavailable(error)).toBe(false);
    expect((await store.get(share.id))?.title).toBe("Spring campaign");
  });

  it("forgets a share, its views and its feedback once its tombstone ends", async () => {
    const share = forgottenIn(400);
    await store.create(share);
    await store.addView(share.id);
    await store.setMark(share.id, mark("r1", "approved"));
    await store.addComment(share.id, comment("late"));
    expect(await store.get(share.id)).toStrictEqual(share);
    await sleep(600);
    expect(await store.get(share.id)).toBeNull();
    expect(await store.views([share.id])).toEqual([0]);
    expect(await store.feedback(share.id)).toEqual({ marks: [], comments: [] });
    expect(await store.commentCount(share.id)).toBe(0);
    expect(await store.update(share.id, { lockedAt: Date.now() })).toBeNull();
  });

  it("treats a share created past its forget time as gone", async () => {
    const share = forgottenIn(-1000);
    await store.create(share);
    expect(await store.get(share.id)).toBeNull();
  });

  it("keeps a share past its old forget time once extended to never", async () => {
    const share = forgottenIn(400);
    await store.create(share);
    await store.setMark(share.id, mark("r1", "approved"));
    await store.addComment(share.id, comment("keep me"));
    await store.addView(share.id);
    await store.update(share.id, { expiresAt: null });
    await sleep(600);
    expect((await store.get(share.id))?.expiresAt).toBeNull();
    const feedback = await store.feedback(share.id);
    expect([feedback.marks.length, feedback.comments.length]).toEqual([1, 1]);
    expect(await store.views([share.id])).toEqual([1]);
  });

  it("revokes to a tombstone: no images, texts or feedback, but id, times and owner", async () => {
    const share = sampleShare({ lockedAt: Date.now() });
    await store.create(share);
    await store.setMark(share.id, mark("r1", "approved"));
    await store.addComment(share.id, comment("lovely"));
    await store.addView(share.id);
    const revokedAt = Date.now();
    const tombstone: ShareRecord = {
      id: share.id,
      title: "",
      options: share.options,
      images: [],
      createdAt: share.createdAt,
      expiresAt: share.expiresAt,
      lockedAt: share.lockedAt,
      revokedAt,
      passcodeHash: null,
      ownerHash: share.ownerHash,
    };
    expect(await store.update(share.id, { revokedAt })).toStrictEqual(tombstone);
    expect(await store.get(share.id)).toStrictEqual(tombstone);
    expect(await store.feedback(share.id)).toEqual({ marks: [], comments: [] });
    expect(await store.commentCount(share.id)).toBe(0);
    // A client that loaded the page before the revoke cannot refill the tombstone.
    await store.setMark(share.id, mark("r2", "changes"));
    await store.addComment(share.id, comment("too late"));
    expect(await store.feedback(share.id)).toEqual({ marks: [], comments: [] });
    expect(await store.views([share.id])).toEqual([1]);
  });

  it("forgets a revoked share when its tombstone ends, even one that never expired", async () => {
    const share = sampleShare({ expiresAt: null });
    await store.create(share);
    await store.update(share.id, { revokedAt: Date.now() - TOMBSTONE_MS + 400 });
    expect(await store.get(share.id)).not.toBeNull();
    await sleep(600);
    expect(await store.get(share.id)).toBeNull();
  });

  it("locks, unlocks and extends, changing nothing else", async () => {
    const share = sampleShare();
    await store.create(share);
    const lockedAt = Date.now();
    expect(await store.update(share.id, { lockedAt })).toStrictEqual({ ...share, lockedAt });
    expect(await store.update(share.id, { lockedAt: null })).toStrictEqual(share);
    const expiresAt = share.createdAt + 30 * DAY;
    expect(await store.update(share.id, { expiresAt })).toStrictEqual({ ...share, expiresAt });
    expect(await store.get(share.id)).toStrictEqual({ ...share, expiresAt });
    expect(await store.update(share.id, {})).toStrictEqual({ ...share, expiresAt });
    expect(await store.update(newId(), { lockedAt })).toBeNull();
  });

  it("counts views per share, 0 for unknown ones, and counts none for them", async () => {
    const [a, b] = [sampleShare(), sampleShare()];
    await Promise.all([store.create(a), store.create(b)]);
    expect(await store.addView(a.id)).toBe(1);
    expect(await store.addView(a.id)).toBe(2);
    expect(await store.addView(b.id)).toBe(1);
    const unknown = newId();
    expect(await store.addView(unknown)).toBe(0);
    expect(await store.views([a.id, unknown, b.id])).toEqual([2, 0, 1]);
    expect(await store.views([])).toEqual([]);
  });

  it("keeps each reviewer's latest mark per image, and clears it on null", async () => {
    const share = sampleShare();
    await store.create(share);
    const t = Date.now();
    await store.setMark(share.id, mark("r1", "approved", { at: t, name: "Ada" }));
    await store.setMark(share.id, mark("r2", "approved", { at: t + 1 }));
    await store.setMark(share.id, mark("r1", "approved", { imageId: "1", at: t + 2 }));
    await store.setMark(share.id, mark("r1", "changes", { at: t + 3, name: "Ada" }));
    expect((await store.feedback(share.id)).marks).toEqual([
      mark("r2", "approved", { at: t + 1 }),
      mark("r1", "approved", { imageId: "1", at: t + 2 }),
      mark("r1", "changes", { at: t + 3, name: "Ada" }),
    ]);
    await store.setMark(share.id, mark("r1", null, { at: t + 4 }));
    expect((await store.feedback(share.id)).marks).toEqual([
      mark("r2", "approved", { at: t + 1 }),
      mark("r1", "approved", { imageId: "1", at: t + 2 }),
    ]);
  });

  it("keeps comments in the order they were written", async () => {
    const share = sampleShare();
    await store.create(share);
    const written = [comment("first", "r1"), { ...comment("second", "r2"), name: "Bo" }];
    for (let i = 0; i < 8; i++) written.push(comment(`more ${i}`));
    for (const entry of written) await store.addComment(share.id, entry);
    expect((await store.feedback(share.id)).comments).toStrictEqual(written);
    expect(await store.commentCount(share.id)).toBe(10);
  });

  it("loses none of 50 comments and 50 marks written at once", async () => {
    const share = sampleShare();
    await store.create(share);
    const comments = Array.from({ length: 50 }, (_, i) => comment(`c${i}`, `r${i}`));
    const marks = Array.from({ length: 50 }, (_, i) => mark(`r${i}`, "approved"));
    await Promise.all([
      ...comments.map((entry) => store.addComment(share.id, entry)),
      ...marks.map((entry) => store.setMark(share.id, entry)),
    ]);
    const feedback = await store.feedback(share.id);
    expect(feedback.comments).toHaveLength(50);
    expect(feedback.comments).toEqual(expect.arrayContaining(comments));
    expect(feedback.marks).toHaveLength(50);
    expect(feedback.marks).toEqual(expect.arrayContaining(marks));
    expect(await store.commentCount(share.id)).toBe(50);
  });

  it("drops feedback for an unknown share, so a later share with that id starts clean", async () => {
    const share = sampleShare();
    await store.setMark(share.id, mark("r1", "approved"));
    await store.addComment(share.id, comment("orphan?"));
    expect(await store.commentCount(share.id)).toBe(0);
    await store.create(share);
    expect(await store.feedback(share.id)).toEqual({ marks: [], comments: [] });
  });

  it("rejects every call once closed", async () => {
    const other = backend.open();
    await other.ping();
    await other.close();
    const { error } = await rejection(() => other.get(newId()));
    expect(isShareStoreUnavailable(error)).toBe(true);
  });
});

describe("the SQLite share store on disk", () => {
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), "shares-sqlite-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps everything across a close and reopen", async () => {
    const file = join(dir, "reopen.sqlite");
    const first = createSqliteStore(file);
    const share = sampleShare();
    await first.create(share);
    const locked = await first.update(share.id, { lockedAt: Date.now() });
    await first.addView(share.id);
    const marks = [mark("r1", "approved", { name: "Ada" }), mark("r2", "changes")];
    const comments = [comment("one"), comment("two", "r2")];
    for (const entry of marks) await first.setMark(share.id, entry);
    for (const entry of comments) await first.addComment(share.id, entry);
    await first.close();

    const second = createSqliteStore(file);
    try {
      expect(await second.get(share.id)).toStrictEqual(locked);
      expect(await second.views([share.id])).toEqual([1]);
      expect(await second.feedback(share.id)).toEqual({ marks, comments });
    } finally {
      await second.close();
    }
  });

  it("is unavailable, naming the file and why, when the folder cannot be made", async () => {
    const blocker = join(dir, "a-file");
    writeFileSync(blocker, "not a folder");
    const file = join(blocker, "shares.sqlite");
    const store = createSqliteStore(file);
    for (const call of [() => store.ping(), () => store.create(sampleShare())]) {
      const { error } = await rejection(call);
      expect(isShareStoreUnavailable(error)).toBe(true);
      expect((error as Error).message).toContain(file);
      // mkdir names it EEXIST (a file holds the name); ENOTDIR on some systems.
      expect((error as Error).message).toMatch(/\((EEXIST|ENOTDIR): /);
    }
    await store.close();
  });
});

describe("the Redis share store when Redis goes away", () => {
  let redis: RedisServer;
  beforeAll(async () => void (redis = await startRedisServer()));
  afterAll(async () => {
    redis.resume();
    await redis?.stop();
  });

  /** Retries until the store answers again: reconnecting takes a moment, but only seconds. */
  async function eventually<T>(call: () => Promise<T>, withinMs = 5000): Promise<T> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      try {
        return await call();
      } catch (error) {
        if (!isShareStoreUnavailable(error) || Date.now() > deadline) throw error;
        await sleep(100);
      }
    }
  }

  it("rejects quickly when nothing listens, naming host:port and never the password", async () => {
    const port = await freePort();
    const store = createRedisShareStore(`redis://shares:s3cret-pass@127.0.0.1:${port}`);
    try {
      const { error, ms } = await rejection(() => store.get(newId()));
      expect(isShareStoreUnavailable(error)).toBe(true);
      expect((error as Error).message).toBe(
        `Redis at 127.0.0.1:${port} is not reachable (ECONNREFUSED)`,
      );
      expect(ms).toBeLessThan(3000);
    } finally {
      await store.close();
    }
  });

  it(
    "rejects within 3 s while stopped and works again after a restart",
    { timeout: 20_000 },
    async () => {
      const store = createRedisShareStore(redis.url);
      const share = sampleShare();
      await store.create(share);
      await redis.stop();
      const outcomes: { error: unknown; ms: number }[] = [];
      try {
        await sleep(200); // let the drop reach the idle store, the usual case in production
        for (const call of [
          () => store.get(share.id),
          () => store.create(sampleShare()),
          () => store.addComment(share.id, comment("lost?")),
          () => store.update(share.id, { lockedAt: Date.now() }),
        ]) {
          outcomes.push(await rejection(call));
        }
      } finally {
        await redis.restart(); // even when failing, so later tests still have a server
      }
      for (const { error, ms } of outcomes) {
        expect(isShareStoreUnavailable(error)).toBe(true);
        expect(ms).toBeLessThan(3000);
      }
      // The restarted server kept nothing, so the share is gone and a new one works.
      expect(await eventually(() => store.get(share.id))).toBeNull();
      const again = sampleShare();
      await store.create(again);
      expect(await store.get(again.id)).toStrictEqual(again);
      await store.close();
    },
  );

  it(
    "rejects a hung server within the deadline and recovers on resume",
    { timeout: 20_000 },
    async () => {
      const store = createRedisShareStore(redis.url, { commandTimeoutMs: 500 });
      await store.ping();
      redis.pause();
      let outcome: { error: unknown; ms: number };
      try {
        outcome = await rejection(() => store.addView(newId()));
      } finally {
        redis.resume();
      }
      expect(isShareStoreUnavailable(outcome.error)).toBe(true);
      expect((outcome.error as Error).message).toContain("no answer within 500 ms");
      expect(outcome.ms).toBeLessThan(1500);
      await eventually(() => store.ping());
      await store.close();
    },
  );

  it("keeps each prefix apart and leaves no keys behind for unknown shares", async () => {
    const raw = createClient({ url: redis.url });
    await raw.connect();
    const a = createRedisShareStore(redis.url, { prefix: "test-a:" });
    const b = createRedisShareStore(redis.url, { prefix: "test-b:" });
    try {
      const share = sampleShare();
      await a.create(share);
      expect(await b.get(share.id)).toBeNull();
      const unknown = newId();
      await b.addView(unknown);
      await b.setMark(unknown, mark("r1", "approved"));
      await b.addComment(unknown, comment("orphan?"));
      expect(await raw.keys("test-b:*")).toEqual([]);
      expect(await raw.keys("test-a:*")).toEqual([`test-a:{${share.id}}:record`]);
    } finally {
      await Promise.all([a.close(), b.close()]);
      raw.destroy();
    }
  });
});
