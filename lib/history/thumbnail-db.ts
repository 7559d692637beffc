/**
 * Each result's thumbnail, kept in IndexedDB with its run (database version 4): the gallery shows
 * it without fetching anything, and still can after fal has deleted the original. Deleting or
 * clearing runs deletes their thumbnails (history-db.ts); exports leave them out.
 */
import { openHistory } from "./history-db";

export interface StoredThumbnail {
  /** The result's selection key, `runId:index`. */
  key: string;
  runId: string;
  /** The original it was made from: a record for another URL is stale. */
  url: string;
  blob: Blob;
  madeAt: number;
  /** When the original was last known to be served, or found gone. */
  checkedAt: number;
  /** fal answered 404/410 for the original: only this preview is left. */
  gone?: boolean;
}

/** A result's stored thumbnail, if any. */
export async function loadThumbnail(key: string): Promise<StoredThumbnail | undefined> {
  return (await openHistory()).get("thumbnails", key);
}

export async function saveThumbnail(thumbnail: StoredThumbnail): Promise<void> {
  await (await openHistory()).put("thumbnails", thumbnail);
}

/** Records what the original's host said, keeping the preview. */
export async function markOriginal(key: string, gone: boolean, checkedAt: number): Promise<void> {
  const database = await openHistory();
  const tx = database.transaction("thumbnails", "readwrite");
  const stored = await tx.store.get(key);
  if (stored) await tx.store.put({ ...stored, gone, checkedAt });
  await tx.done;
}
