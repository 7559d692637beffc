/**
 * Run history in IndexedDB, versioned. Runs and their log tails live in separate stores, so the
 * gallery loads 1,000 runs without reading 200,000 log lines; logs are read when a panel opens.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { recipeOf } from "@/lib/recipe/recipe";
import { fromLegacyError, isLegacyError } from "./legacy-error";
import { MAX_STORED_LOG_LINES, type LogLine, type RunRecord } from "./run-record";

export const DB_NAME = "hidream-playground";
/** 2: a run's error is `{code, detail}` (it was words, `{title, message}`). */
export const HISTORY_VERSION = 2;

interface HistorySchema extends DBSchema {
  runs: { key: string; value: RunRecord; indexes: { submittedAt: number } };
  logs: { key: string; value: { runId: string; lines: LogLine[] } };
}

let db: Promise<IDBPDatabase<HistorySchema>> | undefined;

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
 * Up to `limit` runs, newest first, submitted before `olderThan` (or the newest of all): the
 * gallery shows the first page at once and reads the rest in the background, so a long history
 * does not delay the first paint.
 */
export async function loadRunsPage(limit: number, olderThan?: number): Promise<RunRecord[]> {
  const range = olderThan === undefined ? undefined : IDBKeyRange.upperBound(olderThan, true);
  const page: RunRecord[] = [];
  let cursor = await (
    await open()
  )
    .transaction("runs")
    .store.index("submittedAt")
    .openCursor(range, "prev");
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
  const tx = database.transaction(["runs", "logs"], "readwrite");
  await Promise.all([
    tx.objectStore("runs").delete(runId),
    tx.objectStore("logs").delete(runId),
    tx.done,
  ]);
}

export async function clearHistory(): Promise<void> {
  const database = await open();
  const tx = database.transaction(["runs", "logs"], "readwrite");
  await Promise.all([tx.objectStore("runs").clear(), tx.objectStore("logs").clear(), tx.done]);
}

/** The whole history as one JSON document, logs included. */
export async function exportHistory(): Promise<Blob> {
  const database = await open();
  const [runs, logs] = await Promise.all([loadRuns(), database.getAll("logs")]);
  const logsByRun = new Map(logs.map((l) => [l.runId, l.lines]));
  const document = {
    format: "hidream-playground-history",
    version: HISTORY_VERSION,
    exportedAt: new Date().toISOString(),
    // Each result's recipe too, as the downloaded files carry it.
    runs: runs.map((run) => ({
      ...run,
      recipes: (run.output?.images ?? []).map((_, index) => recipeOf(run, index)),
      logs: logsByRun.get(run.id) ?? [],
    })),
  };
  return new Blob([JSON.stringify(document, null, 2)], { type: "application/json" });
}

/** Asks the browser not to evict our storage under pressure; returns whether it agreed. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}
