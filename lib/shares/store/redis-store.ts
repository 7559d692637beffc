/**
 * Shares in Redis, for deployments with several instances (Vercel): every instance sees the same
 * shares and feedback. Each share is four keys (record, views, marks, comments) that expire
 * together at forgetAt(share), so Redis forgets a share without a sweeper. When Redis cannot
 * answer, calls reject within the deadline with ShareStoreUnavailable (the API answers 503).
 */
import "server-only";
import { createHash } from "node:crypto";
import { hostAndPort } from "@/lib/redis/runner";
import type { CommentEntry, MarkEntry, ShareRecord } from "../share";
import { forgetAt } from "../share";
import { ShareStoreUnavailable, type ShareStore } from "./contract";
import { compareMarks } from "./mark-order";
import { changeRecord } from "./record-change";
import { createRedisRunner } from "@/lib/redis/runner";
import * as script from "./redis-scripts";

export const DEFAULT_SHARE_PREFIX = "hidream-playground:share:";
// An owner's lock racing their own revoke is the only contention a record sees; a few retries
// settle it, and more would mean something else rewrites records.
const UPDATE_ATTEMPTS = 5;

export function createRedisShareStore(
  url: string,
  options: { commandTimeoutMs?: number; prefix?: string } = {},
): ShareStore {
  const timeoutMs = options.commandTimeoutMs ?? 2000;
  const prefix = options.prefix ?? DEFAULT_SHARE_PREFIX;
  const where = hostAndPort(url);
  const unavailable = (reason: string, cause?: unknown) =>
    new ShareStoreUnavailable(`Redis at ${where} is not reachable (${reason})`, { cause });
  const { run, close } = createRedisRunner(url, { timeoutMs, unavailable });

  // The {id} hash tag puts a share's keys in one slot, as a script touching them all needs on a
  // Redis Cluster.
  const keysOf = (id: string) => {
    const base = `${prefix}{${id}}`;
    return [`${base}:record`, `${base}:views`, `${base}:marks`, `${base}:comments`] as const;
  };
  const evalScript = (source: string, keys: readonly string[], args: string[]) =>
    run((client) => client.eval(source, { keys: [...keys], arguments: args }));
  const until = (share: ShareRecord) => String(forgetAt(share) ?? "");

  return {
    kind: "redis",
    async create(share) {
      const created = await evalScript(script.CREATE, keysOf(share.id), [
        JSON.stringify(share),
        until(share),
      ]);
      if (Number(created) !== 1) throw new Error(`A share with id ${share.id} already exists`);
    },
    async get(id) {
      const raw = await run((client) => client.get(keysOf(id)[0]));
      return raw === null ? null : (JSON.parse(raw) as ShareRecord);
    },
    async update(id, change) {
      const keys = keysOf(id);
      // Read, change in JS, write only if the record is still the one read: the change is stated
      // once (record-change.ts) for both stores, and Lua's JSON would mangle empty arrays and
      // long integers on the way back.
      for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
        const raw = await run((client) => client.get(keys[0]));
        if (raw === null) return null;
        const next = changeRecord(JSON.parse(raw) as ShareRecord, change);
        const written = await evalScript(script.UPDATE, keys, [
          createHash("sha1").update(raw).digest("hex"),
          JSON.stringify(next),
          until(next),
          next.revokedAt === null ? "0" : "1",
        ]);
        if (Number(written) === 1) return next;
      }
      throw unavailable(`share ${id} kept changing during ${UPDATE_ATTEMPTS} attempts`);
    },
    async addView(id) {
      const [record, views] = keysOf(id);
      return Number(await evalScript(script.ADD_VIEW, [record, views], []));
    },
    async views(ids) {
      if (ids.length === 0) return [];
      const totals = await run((client) => client.mGet(ids.map((id) => keysOf(id)[1])));
      return totals.map((total) => Number(total ?? 0));
    },
    async setMark(id, entry) {
      const [record, , marks] = keysOf(id);
      const value = entry.mark === null ? "" : JSON.stringify(entry);
      await evalScript(script.SET_MARK, [record, marks], [markField(entry), value]);
    },
    async addComment(id, entry) {
      const [record, , , comments] = keysOf(id);
      await evalScript(script.ADD_COMMENT, [record, comments], [JSON.stringify(entry)]);
    },
    async commentCount(id) {
      return run((client) => client.lLen(keysOf(id)[3]));
    },
    async feedback(id) {
      const [, , marks, comments] = keysOf(id);
      const [flatMarks, rawComments] = (await evalScript(
        script.FEEDBACK,
        [marks, comments],
        [],
      )) as [string[], string[]];
      return {
        // HGETALL's reply alternates field and value; the values are the entries.
        marks: flatMarks
          .filter((_, i) => i % 2 === 1)
          .map((raw) => JSON.parse(raw) as MarkEntry)
          .sort(compareMarks),
        comments: rawComments.map((raw) => JSON.parse(raw) as CommentEntry),
      };
    },
    async ping() {
      await run((client) => client.ping());
    },
    async close() {
      close();
    },
  };
}

// NUL cannot occur in either id (a digit string and a cookie value), so the field is unambiguous.
const markField = (entry: Pick<MarkEntry, "imageId" | "reviewerId">) =>
  `${entry.imageId}\u0000${entry.reviewerId}`;
