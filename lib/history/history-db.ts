/**
 * Run history in IndexedDB, versioned. Runs and their log tails live in separate stores, so the
 * gallery loads 1,000 runs without reading 200,000 log lines; logs are read when a panel opens.
 * The owner's shares (with the secrets that give rights over them) live beside the runs.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { OwnedShare } from "@/lib/shares/owned-share";
import { recipeOf } from "@/lib/recipe/recipe";
// Types only: reading and writing history files (and zod, which checks them) load when used.
import type { HistoryFile } from "./history-file";
import { fromLegacyError, isLegacyError } from "./legacy-error";
import { MAX_STORED_LOG_LINES, type LogLine, type RunRecord } from "./run-record";
import type { StoredThumbnail } from "./thumbnail-db";

export const DB_NAME = "hidream-playground";
/**
 * 2: a run's error is `{code, detail}` (it was words, `{title, message}`).
 * 3: a `shares` store for the owner's review links.
 * 4: a `thumbnails` store: each result's small WebP, kept with its run (thumbnail-db.ts).
 * A run's stars (`starred`) need no version: an optional field, absent on older runs (none starred).
 */
export const HISTORY_VERSION = 4;

interface HistorySchema extends DBSchema {
  runs: { key: string; value: RunRecord; indexes: { submittedAt: number } };
  logs: { key: string; value: { runId: string; lines: LogLine[] } };
  shares: { key: string; value: OwnedShare };
  thumbnails: { key: string; value: StoredThumbnail; indexes: { runId: string } };
}

let db: Promise<IDBPDatabase<HistorySchema>> | undefined;

/** The database, opened (and upgraded) once per page. */
export function openHistory() {
  return open();
}

function open() {
  db ??= openDB<HistorySchema>(DB_NAME, HISTORY_VERSION, {
    async upgrade(database, oldVersion, _newVersion, transaction) {
      // Each version's changes in order; a later version adds a case below, never edits one.
      if (oldVersion < 1) {
        database
          .createObjectStore("runs", { keyPath: "id" })
          .createIndex("submittedAt", "submittedAt");
        database.createObjectStore("logs", { keyPath: "runId" });
      }
      if (oldVersion >= 1 && oldVersion < 2) {
        for await (const cursor of transaction.objectStore("runs")) {
          const error: unknown = cursor.value.error;
          if (isLegacyError(error))
            await cursor.update({ ...cursor.value, error: fromLegacyError(error) });
        }
      }
      if (oldVersion < 3) database.createObjectStore("shares", { keyPath: "id" });
      // Self-contained: a new store, nothing of the older ones touched (thumbnails are made
      // again on demand for runs stored before it).
      if (oldVersion < 4)
        database.createObjectStore("thumbnails", { keyPath: "key" }).createIndex("runId", "runId");
    },
  });
  return db;
}

/** Every stored run, newest first. */
export async function loadRuns(): Promise<RunRecord[]> {
  const runs = await (await open()).getAllFromIndex("runs", "submittedAt");
  return runs.reverse();
}

/**
 * Up to `limit` runs, newest first, that come after `after` in that order (or the newest of all):
 * the gallery shows the first page at once and reads the rest in the background, so a long
 * history does not delay the first paint. The order is by time, then by id (as the index keeps
 * runs of the same millisecond, e.g. a grid's cells), so a page never skips a run.
 */
export async function loadRunsPage(
  limit: number,
  after?: Pick<RunRecord, "submittedAt" | "id">,
): Promise<RunRecord[]> {
  const range = after === undefined ? undefined : IDBKeyRange.upperBound(after.submittedAt);
  const page: RunRecord[] = [];
  let cursor = await (
    await open()
  )
    .transaction("runs")
    .store.index("submittedAt")
    .openCursor(range, "prev");
  // Runs of `after`'s millisecond come by descending id: skip up to and including it.
  while (cursor && after && cursor.key === after.submittedAt && cursor.primaryKey >= after.id)
    cursor = await cursor.continue();
  while (cursor && page.length < limit) {
    page.push(cursor.value);
    cursor = await cursor.continue();
  }
  return page;
}

export async function saveRun(run: RunRecord): Promise<void> {
  await (await open()).put("runs", run);
}

export async function saveLogs(runId: string, lines: LogLine[]): Promise<void> {
  await (await open()).put("logs", { runId, lines: lines.slice(-MAX_STORED_LOG_LINES) });
}

export async function loadLogs(runId: string): Promise<LogLine[]> {
  return (await (await open()).get("logs", runId))?.lines ?? [];
}

export async function deleteRun(runId: string): Promise<void> {
  const database = await open();
  const tx = database.transaction(["runs", "logs", "thumbnails"], "readwrite");
  const thumbnails = tx.objectStore("thumbnails");
  await Promise.all([
    tx.objectStore("runs").delete(runId),
    tx.objectStore("logs").delete(runId),
    thumbnails
      .index("runId")
      .getAllKeys(runId)
      .then((keys) => Promise.all(keys.map((key) => thumbnails.delete(key)))),
    tx.done,
  ]);
}

/**
 * Clears runs and logs. Shares stay: each holds the only copy of its owner secret, and a link
 * already sent must stay manageable (lock, revoke) after the runs behind it are gone.
 */
export async function clearHistory(): Promise<void> {
  const database = await open();
  const tx = database.transaction(["runs", "logs", "thumbnails"], "readwrite");
  await Promise.all([
    tx.objectStore("runs").clear(),
    tx.objectStore("logs").clear(),
    tx.objectStore("thumbnails").clear(),
    tx.done,
  ]);
}

/** Every share the owner made in this browser, newest first. */
export async function loadShares(): Promise<OwnedShare[]> {
  const shares = await (await open()).getAll("shares");
  return shares.sort((a, b) => b.createdAt - a.createdAt);
}

export async function saveShare(share: OwnedShare): Promise<void> {
  await (await open()).put("shares", share);
}

/**
 * The whole history as one JSON document, logs included, and the shares with their secrets:
 * the file is how an owner keeps (or moves) the right to lock and revoke links already sent.
 * Thumbnails are left out: as base64 they would add ~60 KB per image to a file of ~2 KB per run
 * (~25 MB for 100 runs of 4), and an importing browser makes them again while fal keeps the files.
 */
export async function exportHistory(): Promise<Blob> {
  const { HISTORY_FORMAT } = await import("./history-file");
  const database = await open();
  const [runs, logs, shares] = await Promise.all([
    loadRuns(),
    database.getAll("logs"),
    loadShares(),
  ]);
  const logsByRun = new Map(logs.map((l) => [l.runId, l.lines]));
  const document: HistoryFile = {
    format: HISTORY_FORMAT,
    version: HISTORY_VERSION,
    exportedAt: new Date().toISOString(),
    // Each result's recipe too, as the downloaded files carry it.
    runs: runs.map((run) => ({
      ...run,
      recipes: (run.output?.images ?? []).map((_, index) => recipeOf(run, index)),
      logs: logsByRun.get(run.id) ?? [],
    })),
    shares,
  };
  return new Blob([JSON.stringify(document, null, 2)], { type: "application/json" });
}

export interface ImportedHistory {
  /** What was added (newest first); runs and shares already here were kept as they are. */
  runs: RunRecord[];
  shares: OwnedShare[];
  /** Entries of the file that were not added: already here, unfinished, or not readable. */
  skipped: number;
}

/** Merges an exported history file into this browser's, by id: nothing here is overwritten. */
export async function importHistory(text: string): Promise<ImportedHistory | { error: string }> {
  const { parseHistoryFile } = await import("./history-file");
  const parsed = parseHistoryFile(text, HISTORY_VERSION);
  if ("error" in parsed) return parsed;
  const database = await open();
  const tx = database.transaction(["runs", "logs", "shares"], "readwrite");
  const added: ImportedHistory = { runs: [], shares: [], skipped: parsed.skipped };
  for (const { run, logs } of parsed.runs) {
    if ((await tx.objectStore("runs").getKey(run.id)) !== undefined) {
      added.skipped++;
      continue;
    }
    await tx.objectStore("runs").put(run);
    if (logs.length)
      await tx.objectStore("logs").put({ runId: run.id, lines: logs.slice(-MAX_STORED_LOG_LINES) });
    added.runs.push(run);
  }
  for (const share of parsed.shares) {
    if ((await tx.objectStore("shares").getKey(share.id)) !== undefined) {
      added.skipped++;
      continue;
    }
    await tx.objectStore("shares").put(share);
    added.shares.push(share);
  }
  await tx.done;
  added.runs.sort((a, b) => b.submittedAt - a.submittedAt);
  return added;
}

/** Asks the browser not to evict our storage under pressure; returns whether it agreed. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}
