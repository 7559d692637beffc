/**
 * The shares slice with the share API replaced by a scripted fetch and IndexedDB by an in-memory
 * one (fake-indexeddb): what it keeps of a new share, what polling stores, and how feedback
 * counts as new until the owner has seen it.
 */
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { create, type StateCreator } from "zustand";
import type { CreateShareInput, ShareSummary } from "@/lib/shares/share";
import type { SharesSlice } from "@/lib/store/shares";

const ID = "AAAAAAAAAAAAAAAAAAAAAA";
const INPUT: CreateShareInput = {
  title: "Doors for Acme",
  images: [{ url: "https://v3.fal.media/a.png" }, { url: "https://v3.fal.media/b.png" }],
};
const IMAGES = [
  { key: "run-1:0", imageId: "0" },
  { key: "run-2:1", imageId: "1" },
];

type Answer = { status: number; body: unknown };

/** A fetch that answers each path from a script and records what it was sent. */
function fakeApi(answers: Record<string, (body: unknown) => Answer>) {
  const calls: { path: string; body: unknown }[] = [];
  const fetch = vi.fn(async (path: string, init?: RequestInit) => {
    const body: unknown = JSON.parse(String(init?.body ?? "null"));
    calls.push({ path, body });
    const answer = answers[path];
    if (!answer) throw new TypeError("Failed to fetch");
    const { status, body: reply } = answer(body);
    return new Response(JSON.stringify(reply), { status });
  });
  vi.stubGlobal("fetch", fetch);
  return calls;
}

/** The slice alone in a store, over a fresh IndexedDB, with fresh module state. */
async function setup() {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  const { createSharesSlice } = await import("@/lib/store/shares");
  const history = await import("@/lib/history/history-db");
  const store = create<SharesSlice>()(
    createSharesSlice as unknown as StateCreator<SharesSlice, [], [], SharesSlice>,
  );
  return { store, history };
}

const created = {
  status: 201,
  body: { id: ID, secret: "s3cret", path: `/s/${ID}`, expiresAt: 9e12 },
};

const summary = (change: Partial<ShareSummary> = {}): ShareSummary => ({
  id: ID,
  state: "open",
  title: INPUT.title,
  imageCount: 2,
  views: 3,
  expiresAt: 9e12,
  feedback: {
    marks: [
      { imageId: "0", reviewerId: "r1", mark: "approved", at: 1 },
      { imageId: "1", reviewerId: "r1", mark: null, at: 2 },
    ],
    comments: [{ id: "c1", imageId: "1", reviewerId: "r1", text: "Warmer light?", at: 3 }],
  },
  ...change,
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("shares slice", () => {
  it("keeps a new share's secret and image keys, in the store and in IndexedDB", async () => {
    const calls = fakeApi({ "/api/shares": () => created });
    const { store, history } = await setup();
    const result = await store.getState().createShare(INPUT, IMAGES);
    expect(calls).toEqual([{ path: "/api/shares", body: INPUT }]);
    const expected = {
      id: ID,
      secret: "s3cret",
      title: "Doors for Acme",
      path: `/s/${ID}`,
      createdAt: expect.any(Number),
      expiresAt: 9e12,
      images: IMAGES,
      seenFeedback: 0,
    };
    expect(result).toEqual({ share: expected });
    expect(store.getState().shares).toEqual([expected]);
    expect(await history.loadShares()).toEqual([expected]);
  });

  it("answers the server's detail when a share is refused, and keeps nothing", async () => {
    fakeApi({
      "/api/shares": () => ({
        status: 429,
        body: { detail: "50 shares a day: try tomorrow.", error_type: "rate_limited" },
      }),
    });
    const { store, history } = await setup();
    expect(await store.getState().createShare(INPUT, IMAGES)).toEqual({
      error: "50 shares a day: try tomorrow.",
    });
    expect(store.getState().shares).toEqual([]);
    expect(await history.loadShares()).toEqual([]);
  });

  it("stores polled summaries, and counts feedback as new until it is marked seen", async () => {
    const calls = fakeApi({
      "/api/shares": () => created,
      "/api/shares/status": () => ({ status: 200, body: { shares: [summary()] } }),
    });
    const { store, history } = await setup();
    const { unseenFeedback } = await import("@/lib/shares/owned-share");
    await store.getState().createShare(INPUT, IMAGES);
    await store.getState().refreshShares();

    expect(calls.at(-1)).toEqual({
      path: "/api/shares/status",
      body: { shares: [{ id: ID, secret: "s3cret" }] },
    });
    expect(store.getState().shares[0]?.lastSummary).toEqual(summary());
    // One approval (the cleared mark does not count) and one comment.
    expect(unseenFeedback(store.getState().shares)).toBe(2);
    store.getState().markFeedbackSeen();
    expect(unseenFeedback(store.getState().shares)).toBe(0);
    await vi.waitFor(async () => expect((await history.loadShares())[0]?.seenFeedback).toBe(2));
  });

  it("keeps the last summaries and says why when a status call fails", async () => {
    let up = true;
    fakeApi({
      "/api/shares": () => created,
      "/api/shares/status": () =>
        up
          ? { status: 200, body: { shares: [summary()] } }
          : { status: 503, body: { detail: "The share store is down.", error_type: "x" } },
    });
    const { store } = await setup();
    await store.getState().createShare(INPUT, IMAGES);
    await store.getState().refreshShares();
    up = false;
    await store.getState().refreshShares();
    expect(store.getState().sharesError).toBe("The share store is down.");
    expect(store.getState().shares[0]?.lastSummary).toEqual(summary());
  });

  it("sends the owner's secret with an action and takes the summary it answers", async () => {
    const calls = fakeApi({
      "/api/shares": () => created,
      [`/api/shares/${ID}`]: () => ({
        status: 200,
        body: { share: summary({ state: "open", expiresAt: null }) },
      }),
    });
    const { store } = await setup();
    await store.getState().createShare(INPUT, IMAGES);
    expect(await store.getState().extendShare(ID, "never")).toBeUndefined();
    expect(calls.at(-1)).toEqual({
      path: `/api/shares/${ID}`,
      body: { action: "extend", secret: "s3cret", expiry: "never" },
    });
    expect(store.getState().shares[0]?.expiresAt).toBeNull();
  });

  it("does not let a status call sent before an action undo what the action did", async () => {
    let answerStatus: (answer: Answer) => void = () => {};
    fakeApi({
      "/api/shares": () => created,
      [`/api/shares/${ID}`]: () => ({ status: 200, body: { share: summary({ state: "locked" }) } }),
    });
    const { store } = await setup();
    await store.getState().createShare(INPUT, IMAGES);
    // The status call hangs until the lock has been answered.
    vi.stubGlobal(
      "fetch",
      vi.fn(async (path: string) => {
        if (path !== "/api/shares/status")
          return new Response(JSON.stringify({ share: summary({ state: "locked" }) }));
        const answer = await new Promise<Answer>((resolve) => (answerStatus = resolve));
        return new Response(JSON.stringify(answer.body), { status: answer.status });
      }),
    );
    const polling = store.getState().refreshShares();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.getState().lockShare(ID);
    answerStatus({ status: 200, body: { shares: [summary({ state: "open" })] } });
    await polling;
    expect(store.getState().shares[0]?.lastSummary?.state).toBe("locked");
  });

  it("asks about at most 100 shares per status call", async () => {
    const calls = fakeApi({
      "/api/shares/status": () => ({ status: 200, body: { shares: [] } }),
    });
    const { store } = await setup();
    const many = Array.from({ length: 150 }, (_, i) => ({
      id: `share-${i}`,
      secret: `secret-${i}`,
      title: "t",
      path: `/s/share-${i}`,
      createdAt: i,
      expiresAt: null,
      images: [],
      seenFeedback: 0,
    }));
    store.getState().adoptShares(many);
    await store.getState().refreshShares();
    expect(calls.map((c) => (c.body as { shares: unknown[] }).shares.length)).toEqual([100, 50]);
  });
});
