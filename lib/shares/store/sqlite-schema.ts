/**
 * The SQLite share store's tables and statements. Views and feedback reference their share with
 * ON DELETE CASCADE, so forgetting a share is one DELETE and nothing is left behind.
 */
import type Database from "better-sqlite3";

// Bumped (with a migration in openSchema) whenever a table changes shape.
const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS shares (
  id TEXT PRIMARY KEY,
  record TEXT NOT NULL,
  forget_at INTEGER
);
CREATE INDEX IF NOT EXISTS shares_by_forget_at ON shares (forget_at) WHERE forget_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS views (
  share_id TEXT PRIMARY KEY REFERENCES shares (id) ON DELETE CASCADE,
  count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS marks (
  share_id TEXT NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
  image_id TEXT NOT NULL,
  reviewer_id TEXT NOT NULL,
  mark TEXT NOT NULL,
  name TEXT,
  at INTEGER NOT NULL,
  PRIMARY KEY (share_id, image_id, reviewer_id)
) WITHOUT ROWID;
-- seq is the rowid: a new row always gets a larger one than every row still there, which keeps a
-- share's comments in the order they were written.
CREATE TABLE IF NOT EXISTS comments (
  seq INTEGER PRIMARY KEY,
  share_id TEXT NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  image_id TEXT NOT NULL,
  reviewer_id TEXT NOT NULL,
  name TEXT,
  text TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS comments_by_share ON comments (share_id, seq);
`;

const LIVE = "(forget_at IS NULL OR forget_at > @now)";

export interface MarkRow {
  imageId: string;
  reviewerId: string;
  mark: string;
  name: string | null;
  at: number;
}
export interface CommentRow {
  id: string;
  imageId: string;
  reviewerId: string;
  name: string | null;
  text: string;
  at: number;
}
type Id = { id: string };
type IdNow = { id: string; now: number };

/** Creates or checks the tables, then prepares every statement the store uses. */
export function openSchema(db: Database.Database) {
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  const prepare = <P extends object, R = unknown>(sql: string) => db.prepare<P, R>(sql);
  return {
    record: prepare<Id, { record: string; forgetAt: number | null }>(
      "SELECT record, forget_at AS forgetAt FROM shares WHERE id = @id",
    ),
    // Feedback writes only need to know whether the share takes any; json_extract spares
    // copying a record of up to 256 KB into JS for each mark.
    status: prepare<Id, { revoked: 0 | 1; forgetAt: number | null }>(
      `SELECT json_extract(record, '$.revokedAt') IS NOT NULL AS revoked, forget_at AS forgetAt
       FROM shares WHERE id = @id`,
    ),
    isLive: prepare<IdNow, { live: 1 }>(`SELECT 1 AS live FROM shares WHERE id = @id AND ${LIVE}`),
    forget: prepare<Id>("DELETE FROM shares WHERE id = @id"),
    forgetDue: prepare<{ now: number }>("DELETE FROM shares WHERE forget_at <= @now"),
    insert: prepare<{ id: string; record: string; forgetAt: number | null }>(
      "INSERT INTO shares (id, record, forget_at) VALUES (@id, @record, @forgetAt)",
    ),
    replace: prepare<{ id: string; record: string; forgetAt: number | null }>(
      "UPDATE shares SET record = @record, forget_at = @forgetAt WHERE id = @id",
    ),
    dropMarks: prepare<Id>("DELETE FROM marks WHERE share_id = @id"),
    dropComments: prepare<Id>("DELETE FROM comments WHERE share_id = @id"),
    addView: prepare<Id, { count: number }>(
      `INSERT INTO views (share_id, count) VALUES (@id, 1)
       ON CONFLICT (share_id) DO UPDATE SET count = count + 1 RETURNING count`,
    ),
    views: prepare<IdNow, { count: number }>(
      `SELECT v.count FROM views v JOIN shares s ON s.id = v.share_id
       WHERE v.share_id = @id AND ${LIVE}`,
    ),
    setMark: prepare<Id & Omit<MarkRow, "name"> & { name: string | null }>(
      `INSERT INTO marks (share_id, image_id, reviewer_id, mark, name, at)
       VALUES (@id, @imageId, @reviewerId, @mark, @name, @at)
       ON CONFLICT (share_id, image_id, reviewer_id)
       DO UPDATE SET mark = excluded.mark, name = excluded.name, at = excluded.at`,
    ),
    clearMark: prepare<Id & { imageId: string; reviewerId: string }>(
      "DELETE FROM marks WHERE share_id = @id AND image_id = @imageId AND reviewer_id = @reviewerId",
    ),
    addComment: prepare<{ shareId: string } & CommentRow>(
      `INSERT INTO comments (share_id, id, image_id, reviewer_id, name, text, at)
       VALUES (@shareId, @id, @imageId, @reviewerId, @name, @text, @at)`,
    ),
    commentCount: prepare<Id, { count: number }>(
      "SELECT count(*) AS count FROM comments WHERE share_id = @id",
    ),
    marks: prepare<Id, MarkRow>(
      `SELECT image_id AS imageId, reviewer_id AS reviewerId, mark, name, at
       FROM marks WHERE share_id = @id`,
    ),
    comments: prepare<Id, CommentRow>(
      `SELECT id, image_id AS imageId, reviewer_id AS reviewerId, name, text, at
       FROM comments WHERE share_id = @id ORDER BY seq`,
    ),
  };
}

export type Statements = ReturnType<typeof openSchema>;
