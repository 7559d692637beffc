/**
 * Share passcodes: kept as scrypt hashes (a slow KDF, so a leaked store does not give them away
 * cheaply), and the proof a visitor typed it: an httpOnly cookie holding an HMAC of the share id
 * keyed by the stored hash. Only the server knows the hash, so the cookie cannot be made without
 * the passcode, and it needs no secret of its own (demo mode may have none).
 */
import "server-only";
import { createHmac, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const COST = { N: 2 ** 15, r: 8, p: 1 };
const MAXMEM = 64 * 1024 * 1024;

export async function hashPasscode(passcode: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(passcode.normalize("NFC"), salt, 32, { ...COST, maxmem: MAXMEM });
  return [
    "scrypt",
    COST.N,
    COST.r,
    COST.p,
    salt.toString("base64url"),
    hash.toString("base64url"),
  ].join("$");
}

export async function passcodeMatches(stored: string, attempt: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scryptAsync(
    attempt.normalize("NFC"),
    Buffer.from(salt, "base64url"),
    expected.length,
    {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: MAXMEM,
    },
  );
  return timingSafeEqual(actual, expected);
}

/** The cookie that says this browser typed the share's passcode. */
export const accessCookieName = (shareId: string) => `share_access_${shareId}`;
export const ACCESS_COOKIE_MAX_AGE = 30 * 86_400;

export function accessProof(shareId: string, passcodeHash: string): string {
  return createHmac("sha256", passcodeHash).update(`share-access:${shareId}`).digest("base64url");
}

export function proofMatches(shareId: string, passcodeHash: string, cookie: string | undefined) {
  if (!cookie) return false;
  const expected = Buffer.from(accessProof(shareId, passcodeHash));
  const actual = Buffer.from(cookie);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
