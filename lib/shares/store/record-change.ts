/**
 * What a change does to a stored share, stated once so both stores agree: only the three times
 * move, and a revoked share becomes a tombstone.
 */
import type { ShareRecord } from "../share";
import type { ShareStore } from "./contract";

export type ShareChange = Parameters<ShareStore["update"]>[1];

/** The record after a change; a revoked one keeps only id, times and the owner's hash. */
export function changeRecord(record: ShareRecord, change: ShareChange): ShareRecord {
  // Picked one by one: a caller's stray field (the change is often built from a request) must not
  // reach the stored record. `undefined` means "leave it"; null is a value (unlock, never expire).
  const next: ShareRecord = {
    ...record,
    expiresAt: change.expiresAt === undefined ? record.expiresAt : change.expiresAt,
    lockedAt: change.lockedAt === undefined ? record.lockedAt : change.lockedAt,
    revokedAt: change.revokedAt === undefined ? record.revokedAt : change.revokedAt,
  };
  return next.revokedAt === null ? next : tombstone(next);
}

function tombstone(record: ShareRecord): ShareRecord {
  const { note: _note, ...kept } = record;
  // The owner still sees the state through ownerHash; the passcode hash guards nothing any more,
  // and a hash of a client's passcode is not worth keeping for 30 days.
  return { ...kept, title: "", images: [], passcodeHash: null };
}
