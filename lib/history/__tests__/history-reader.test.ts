/**
 * Reading a long history: every run once, newest first, in few hand-overs to the store; against
 * a page loader over an array, and against the real database (fake-indexeddb), where runs of the
 * same millisecond must not fall between two pages.
 */
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RunRecord } from "@/lib/history/run-record";
import { pauseWhileTyping, readHistoryInBatches } from "../history-reader";

const run = (id: string, submittedAt: number): RunRecord => ({
  id,
  input: { prompt: `run ${id}`, reference_image_urls: ["https://v3.fal.media/ref.png"] },
  phase: "completed",
  submittedAt,
});

/** Newest first, as the app lists them: by time, then by id, descending. */
const newestFirst = (runs: RunRecord[]) =>
  [...runs].sort((a, b) => b.submittedAt - a.submittedAt || (a.id < b.id ? 1 : -1));

/** 1,000 runs, several per millisecond (a grid's cells are saved in the same one). */
const HISTORY = newestFirst(
  Array.from({ length: 1000 }, (_, i) => run(`r${String(i).padStart(4, "0")}`, Math.floor(i / 7))),
);

/** A page loader over an array, with the database's order and boundary. */
function arrayLoader(runs: RunRecord[]) {
  return async (limit: number, after?: RunRecord) => {
    const from = after ? runs.findIndex((r) => r.id === after.id) + 1 : 0;
    return runs.slice(from, from + limit);
  };
}

describe("readHistoryInBatches", () => {
  it("hands every run over once, newest first, the first page on its own", async () => {
    const joins: RunRecord[][] = [];
    const done = await readHistoryInBatches({
      loadPage: arrayLoader(HISTORY),
      join: (records) => joins.push(records),
      stopped: () => false,
      first: 12,
      batch: 100,
      joinMs: 500,
      now: () => 0,
      pause: async () => {},
    });
    expect(done).toBe(true);
    expect(joins[0]).toHaveLength(12);
    expect(joins.flat().map((r) => r.id)).toEqual(HISTORY.map((r) => r.id));
  });

  it("joins the store at most once per interval, not once per batch", async () => {
    let clock = 0;
    const joins: number[] = [];
    await readHistoryInBatches({
      // Each batch takes 100 ms: 10 batches per join of 500 ms + the last.
      loadPage: async (limit, after) => {
        clock += 100;
        return arrayLoader(HISTORY)(limit, after);
      },
      join: (records) => joins.push(records.length),
      stopped: () => false,
      first: 12,
      batch: 10,
      joinMs: 500,
      now: () => clock,
      pause: async () => {},
    });
    // 99 batches of 10 and a last empty one after the first page: 20 joins, not 100.
    expect(joins.length).toBeLessThanOrEqual(21);
    expect(joins.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it("stops when asked, without handing over more", async () => {
    const joins: RunRecord[][] = [];
    let stop = false;
    const done = await readHistoryInBatches({
      loadPage: arrayLoader(HISTORY),
      join: (records) => {
        joins.push(records);
        stop = true;
      },
      stopped: () => stop,
      first: 12,
      batch: 100,
      joinMs: 0,
      pause: async () => {},
    });
    expect(done).toBe(false);
    expect(joins).toHaveLength(1);
  });
});

describe("reading the history database in pages", () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    vi.resetModules();
  });

  it("reads every run once, even when a page ends inside one millisecond", async () => {
    const db = await import("@/lib/history/history-db");
    const runs = HISTORY.slice(0, 60);
    for (const r of runs) await db.saveRun(r);
    const joins: RunRecord[][] = [];
    await readHistoryInBatches({
      loadPage: (limit, after) => db.loadRunsPage(limit, after),
      join: (records) => joins.push(records),
      stopped: () => false,
      // Pages of 5 and 4 end inside the 7-run milliseconds.
      first: 5,
      batch: 4,
      joinMs: 0,
    });
    expect(joins.flat().map((r) => r.id)).toEqual(runs.map((r) => r.id));
  });
});

describe("pauseWhileTyping", () => {
  it("lets the read go on only once no key was pressed for the quiet time", async () => {
    vi.useFakeTimers();
    try {
      let clock = 0;
      const target = new EventTarget();
      const typing = pauseWhileTyping(target, 400, () => clock);
      let resumed = false;
      target.dispatchEvent(new Event("keydown"));
      void typing.pause().then(() => (resumed = true));
      for (let i = 0; i < 10; i++) {
        clock += 100;
        target.dispatchEvent(new Event("keydown"));
        await vi.advanceTimersByTimeAsync(100);
      }
      expect(resumed).toBe(false);
      clock += 400;
      await vi.advanceTimersByTimeAsync(400);
      expect(resumed).toBe(true);
      // Once stopped, keys no longer hold it.
      typing.stop();
      target.dispatchEvent(new Event("keydown"));
      let again = false;
      void typing.pause().then(() => (again = true));
      await vi.advanceTimersByTimeAsync(1);
      expect(again).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
