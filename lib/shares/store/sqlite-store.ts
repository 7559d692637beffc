/**
 * Shares in a SQLite file: the default, needing no setup and surviving a restart, for one server
 * (several processes on one machine are fine: WAL and a busy timeout let them take turns). It
 * does not suit Vercel, whose instances share no disk; set REDIS_URL there.
 */
import "server-only";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { CommentEntry, MarkEntry, ShareRecord } from "../share";
import { forgetAt } from "../share";
import { ShareStoreUnavailable, type ShareStore } from "./contract";
import { compareMarks } from "./mark-order";
import { changeRecord } from "./record-change";
import { openSchema, type CommentRow, type MarkRow, type Statements } from "./sqlite-schema";

// Another process holding the write lock finishes in milliseconds; waiting longer than the Redis
// store's deadline would only turn a stuck file into a slow page instead of a clear 503.
const BUSY_TIMEOUT_MS = 2000;

interface Open {
  db: Database.Database;
  s: Statements;
}

export function createSqliteStore(file: string): ShareStore {
  let current: Open | undefined;
  let closed = false;

  const unavailable = (reason: string, cause?: unknown) =>
    new ShareStoreUnavailable(`The share store at ${file} cannot be used (${reason})`, { cause });

  // Opened on first use, and again after a failure: a folder made writable later heals the store
  // without a restart, and creating the store never throws.
  const open = (): Open => {
    let db: Database.Database | undefined;
    try {
      mkdirSync(dirname(file), { recursive: true });
      db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
      db.pragma("journal_mode = WAL");
      db.pragma("foreign_keys = ON");
      return { db, s: openSchema(db) };
    } catch (error) {
      db?.close();
      throw unavailable(reasonOf(error), error);
    }
  };

  async function withDb<T>(work: (s: Statements, db: Database.Database) => T): Promise<T> {
    if (closed) throw unavailable("the store was closed");
    current ??= open();
    try {
      return work(current.s, current.db);
    } catch (error) {
      // Disk full, read-only file, lock held too long: the store, not the caller, is at fault.
      // Constraint errors and TypeErrors are bugs and keep their own type.
      if (error instanceof Database.SqliteError && !error.code.startsWith("SQLITE_CONSTRAINT")) {
        throw unavailable(reasonOf(error), error);
      }
      throw error;
    }
  }

  // A forgotten share is deleted when met (no timer to run); the cascade takes its feedback.
  function live<T extends { forgetAt: number | null }>(
    s: Statements,
    id: string,
    row: T | undefined,
    now: number,
  ): T | undefined {
    if (row === undefined || row.forgetAt === null || row.forgetAt > now) return row;
    s.forget.run({ id });
    return undefined;
  }

  // Feedback lands only on a share that still takes it: a revoke racing a client must not leave
  // marks or comments on the tombstone.
  const takesFeedback = (s: Statements, id: string) => {
    const row = live(s, id, s.status.get({ id }), Date.now());
    return row !== undefined && row.revoked === 0;
  };

  return {
    kind: "sqlite",
    async create(share) {
      const created = await withDb((s, db) =>
        db
          .transaction(() => {
            s.forgetDue.run({ now: Date.now() });
            if (s.record.get({ id: share.id })) return false;
            s.insert.run({
              id: share.id,
              record: JSON.stringify(share),
              forgetAt: forgetAt(share),
            });
            return true;
          })
          .immediate(),
      );
      if (!created) throw new Error(`A share with id ${share.id} already exists`);
    },
    async get(id) {
      return withDb((s) => {
        const row = live(s, id, s.record.get({ id }), Date.now());
        return row ? (JSON.parse(row.record) as ShareRecord) : null;
      });
    },
    async update(id, change) {
      return withDb((s, db) =>
        db
          .transaction(() => {
            const row = live(s, id, s.record.get({ id }), Date.now());
            if (!row) return null;
            const next = changeRecord(JSON.parse(row.record) as ShareRecord, change);
            s.replace.run({ id, record: JSON.stringify(next), forgetAt: forgetAt(next) });
            if (next.revokedAt !== null) {
              s.dropMarks.run({ id });
              s.dropComments.run({ id });
            }
            return next;
          })
          .immediate(),
      );
    },
    async addView(id) {
      return withDb((s, db) =>
        db
          .transaction(() => {
            if (!live(s, id, s.status.get({ id }), Date.now())) return 0;
            return s.addView.get({ id })?.count ?? 0;
          })
          .immediate(),
      );
    },
    async views(ids) {
      return withDb((s, db) =>
        db.transaction(() => {
          const now = Date.now();
          return ids.map((id) => s.views.get({ id, now })?.count ?? 0);
        })(),
      );
    },
    async setMark(id, entry) {
      await withDb((s, db) =>
        db
          .transaction(() => {
            if (!takesFeedback(s, id)) return;
            const { imageId, reviewerId, mark, name, at } = entry;
            if (mark === null) s.clearMark.run({ id, imageId, reviewerId });
            else s.setMark.run({ id, imageId, reviewerId, mark, name: name ?? null, at });
          })
          .immediate(),
      );
    },
    async addComment(id, entry) {
      await withDb((s, db) =>
        db
          .transaction(() => {
            if (!takesFeedback(s, id)) return;
            const { id: commentId, imageId, reviewerId, name, text, at } = entry;
            s.addComment.run({
              shareId: id,
              id: commentId,
              imageId,
              reviewerId,
              name: name ?? null,
              text,
              at,
            });
          })
          .immediate(),
      );
    },
    async commentCount(id) {
      return withDb((s, db) =>
        db.transaction(() =>
          s.isLive.get({ id, now: Date.now() }) ? (s.commentCount.get({ id })?.count ?? 0) : 0,
        )(),
      );
    },
    async feedback(id) {
      return withDb((s, db) =>
        db.transaction(() => {
          if (!s.isLive.get({ id, now: Date.now() })) return { marks: [], comments: [] };
          return {
            marks: s.marks.all({ id }).map(markEntry).sort(compareMarks),
            comments: s.comments.all({ id }).map(commentEntry),
          };
        })(),
      );
    },
    async ping() {
      await withDb((_s, db) => db.prepare("SELECT 1").get());
    },
    async close() {
      closed = true;
      current?.db.close();
      current = undefined;
    },
  };
}

const markEntry = ({ name, mark, ...row }: MarkRow): MarkEntry => ({
  ...row,
  mark: mark as MarkEntry["mark"],
  ...(name !== null && { name }),
});

const commentEntry = ({ name, ...row }: CommentRow): CommentEntry => ({
  ...row,
  ...(name !== null && { name }),
});

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string" || error.message.startsWith(code)) return error.message;
  return `${code}: ${error.message}`;
}
