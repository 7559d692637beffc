/**
 * The history database against an in-memory IndexedDB (fake-indexeddb): upgrades keep what older
 * versions stored, and the exported file carries the shares' owner secrets back in by id.
 */
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { openDB } from "idb";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RunRecord } from "@/lib/history/run-record";
import type { OwnedShare } from "@/lib/shares/owned-share";

type HistoryDb = typeof import("@/lib/history/history-db");

const RUN: RunRecord = {
  id: "run-1",
  input: { prompt: "a red door", reference_image_urls: ["https://v3.fal.media/ref.png"] },
  phase: "completed",
  output: {
    images: [{ url: "https://v3.fal.media/out.png", width: 2048, height: 2048 }],
    seed: 7,
    has_nsfw_concepts: [false],
    prompt: "a red door",
    timings: {},
  },
  submittedAt: 1_000,
  completedAt: 2_000,
};

const SHARE: OwnedShare = {
  id: "AAAAAAAAAAAAAAAAAAAAAA",
  secret: "owner-secret",
  title: "Doors for Acme",
  path: "/s/AAAAAAAAAAAAAAAAAAAAAA",
  createdAt: 3_000,
  expiresAt: null,
  images: [{ key: "run-1:0", imageId: "0" }],
  seenFeedback: 2,
};

/** A fresh, empty IndexedDB and a fresh copy of the module (it caches its connection). */
async function freshHistory(): Promise<HistoryDb> {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  return import("@/lib/history/history-db");
}

/** The module again over the same IndexedDB: what a reload (or a newer app version) sees. */
async function reopen(): Promise<HistoryDb> {
  vi.resetModules();
  return import("@/lib/history/history-db");
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe("history database upgrades", () => {
  it("keeps version 2's runs and logs and adds an empty shares store", async () => {
    const old = await openDB("hidream-playground", 2, {
      upgrade(db) {
        db.createObjectStore("runs", { keyPath: "id" }).createIndex("submittedAt", "submittedAt");
        db.createObjectStore("logs", { keyPath: "runId" });
      },
    });
    await old.put("runs", RUN);
    await old.put("logs", {
      runId: RUN.id,
      lines: [{ message: "hi", level: "INFO", timestamp: "t" }],
    });
    old.close();

    const history = await reopen();
    expect(await history.loadRuns()).toEqual([RUN]);
    expect(await history.loadLogs(RUN.id)).toHaveLength(1);
    expect(await history.loadShares()).toEqual([]);
    await history.saveShare(SHARE);
    expect(await (await reopen()).loadShares()).toEqual([SHARE]);
  });

  it("brings a version 1 run's worded error up to date on the way to version 3", async () => {
    const old = await openDB("hidream-playground", 1, {
      upgrade(db) {
        db.createObjectStore("runs", { keyPath: "id" }).createIndex("submittedAt", "submittedAt");
        db.createObjectStore("logs", { keyPath: "runId" });
      },
    });
    await old.put("runs", {
      ...RUN,
      phase: "failed",
      output: undefined,
      error: { title: "Cancelled", message: "Request was cancelled." },
    } as unknown as RunRecord);
    old.close();

    const [run] = await (await reopen()).loadRuns();
    expect(run?.error).toEqual({ code: "fal_cancelled", detail: "Request was cancelled." });
  });
});

describe("thumbnails (version 4)", () => {
  const thumb = (runId: string, index: number) => ({
    key: `${runId}:${index}`,
    runId,
    url: `https://v3.fal.media/${runId}-${index}.png`,
    blob: new Blob([`webp of ${runId} ${index}`], { type: "image/webp" }),
    madeAt: 5_000,
    checkedAt: 5_000,
  });

  it("upgrades a version 3 database: runs, logs and shares kept, an empty thumbnail store added", async () => {
    const old = await openDB("hidream-playground", 3, {
      upgrade(db) {
        db.createObjectStore("runs", { keyPath: "id" }).createIndex("submittedAt", "submittedAt");
        db.createObjectStore("logs", { keyPath: "runId" });
        db.createObjectStore("shares", { keyPath: "id" });
      },
    });
    await old.put("runs", RUN);
    await old.put("logs", {
      runId: RUN.id,
      lines: [{ message: "hi", level: "INFO", timestamp: "t" }],
    });
    await old.put("shares", SHARE);
    old.close();

    const history = await reopen();
    expect(await history.loadRuns()).toEqual([RUN]);
    expect(await history.loadLogs(RUN.id)).toHaveLength(1);
    expect(await history.loadShares()).toEqual([SHARE]);
    const thumbnails = await import("@/lib/history/thumbnail-db");
    expect(await thumbnails.loadThumbnail(`${RUN.id}:0`)).toBeUndefined();
    await thumbnails.saveThumbnail(thumb(RUN.id, 0));

    vi.resetModules();
    const again = await import("@/lib/history/thumbnail-db");
    const kept = await again.loadThumbnail(`${RUN.id}:0`);
    expect(kept?.url).toBe(`https://v3.fal.media/${RUN.id}-0.png`);
    expect(await kept?.blob.text()).toBe(`webp of ${RUN.id} 0`);
  });

  it("marks an original gone and keeps the preview; deleting a run deletes only its thumbnails", async () => {
    const history = await freshHistory();
    const thumbnails = await import("@/lib/history/thumbnail-db");
    await history.saveRun(RUN);
    await history.saveRun({ ...RUN, id: "run-2" });
    for (const t of [thumb(RUN.id, 0), thumb(RUN.id, 1), thumb("run-2", 0)])
      await thumbnails.saveThumbnail(t);

    await thumbnails.markOriginal(`${RUN.id}:1`, true, 9_000);
    const marked = await thumbnails.loadThumbnail(`${RUN.id}:1`);
    expect([marked?.gone, marked?.checkedAt, await marked?.blob.text()]).toEqual([
      true,
      9_000,
      `webp of ${RUN.id} 1`,
    ]);

    await history.deleteRun(RUN.id);
    expect(await thumbnails.loadThumbnail(`${RUN.id}:0`)).toBeUndefined();
    expect(await thumbnails.loadThumbnail(`${RUN.id}:1`)).toBeUndefined();
    expect(await thumbnails.loadThumbnail("run-2:0")).toBeDefined();
    await history.clearHistory();
    expect(await thumbnails.loadThumbnail("run-2:0")).toBeUndefined();
  });

  it("leaves thumbnails out of an exported file", async () => {
    const history = await freshHistory();
    const thumbnails = await import("@/lib/history/thumbnail-db");
    await history.saveRun(RUN);
    await thumbnails.saveThumbnail(thumb(RUN.id, 0));
    const text = await (await history.exportHistory()).text();
    expect(text).not.toContain("webp of");
    expect(text).not.toContain("thumbnails");
  });
});

describe("stars", () => {
  it("keeps a run's stars across a reload, and carries them through export and import", async () => {
    const starred: RunRecord = { ...RUN, starred: [0] };
    const source = await freshHistory();
    await source.saveRun(starred);
    expect(await (await reopen()).loadRuns()).toEqual([starred]);

    const text = await (await source.exportHistory()).text();
    const target = await freshHistory();
    await target.importHistory(text);
    expect((await target.loadRuns())[0]?.starred).toEqual([0]);
  });

  it("imports only stars that name an image of the run", async () => {
    const history = await freshHistory();
    const file = {
      format: "hidream-playground-history",
      version: 3,
      runs: [
        { ...RUN, id: "odd", starred: [0, 0, 5, -1, 0.5, "0"] },
        { ...RUN, id: "none", starred: [3] },
        { ...RUN, id: "junk", starred: "all" },
      ],
    };
    await history.importHistory(JSON.stringify(file));
    const runs = new Map((await history.loadRuns()).map((run) => [run.id, run]));
    expect(runs.get("odd")?.starred).toEqual([0]);
    expect(runs.get("none")).not.toHaveProperty("starred");
    expect(runs.get("junk")).not.toHaveProperty("starred");
  });
});

describe("export and import", () => {
  it("exports shares with their secrets, and a new browser imports runs, logs and shares", async () => {
    const source = await freshHistory();
    await source.saveRun(RUN);
    await source.saveLogs(RUN.id, [{ message: "done", level: "INFO", timestamp: "t" }]);
    await source.saveShare(SHARE);
    const text = await (await source.exportHistory()).text();
    const file = JSON.parse(text) as { version: number; shares: OwnedShare[] };
    expect(file.version).toBe(source.HISTORY_VERSION);
    expect(file.shares).toEqual([SHARE]);

    const target = await freshHistory();
    const imported = await target.importHistory(text);
    expect(imported).toEqual({ runs: [RUN], shares: [SHARE], skipped: 0 });
    expect(await target.loadRuns()).toEqual([RUN]);
    expect(await target.loadLogs(RUN.id)).toEqual([
      { message: "done", level: "INFO", timestamp: "t" },
    ]);
    expect(await target.loadShares()).toEqual([SHARE]);
  });

  it("merges by id: what this browser has is kept, the rest is added", async () => {
    const history = await freshHistory();
    await history.saveRun(RUN);
    await history.saveShare(SHARE);
    const text = await (await history.exportHistory()).text();
    const file = JSON.parse(text) as { runs: unknown[]; shares: OwnedShare[] };
    const other = { ...SHARE, id: "BBBBBBBBBBBBBBBBBBBBBB", title: "Another", createdAt: 4_000 };
    file.shares = [{ ...SHARE, title: "Renamed elsewhere", secret: "other" }, other];

    const result = await history.importHistory(JSON.stringify(file));
    expect(result).toEqual({ runs: [], shares: [other], skipped: 2 });
    expect(await history.loadShares()).toEqual([other, SHARE]);
  });

  it("never imports a run still on its way, which the page would send or follow", async () => {
    const history = await freshHistory();
    const file = {
      format: "hidream-playground-history",
      version: 2,
      runs: [
        { ...RUN, id: "planned", phase: "planned" },
        { ...RUN, id: "queued", phase: "queued", requestId: "req" },
        RUN,
      ],
    };
    const result = await history.importHistory(JSON.stringify(file));
    expect(result).toEqual({ runs: [RUN], shares: [], skipped: 2 });
  });

  it("refuses what is not a history file, or one from a newer version", async () => {
    const history = await freshHistory();
    expect(await history.importHistory("not json")).toHaveProperty("error");
    expect(await history.importHistory(JSON.stringify({ format: "other", runs: [] }))).toEqual({
      error: "This is not a playground history file.",
    });
    const newer = { format: "hidream-playground-history", version: 99, runs: [] };
    expect(await history.importHistory(JSON.stringify(newer))).toEqual({
      error: "This history file was made by a newer version of the playground.",
    });
  });
});
