/**
 * localStorage for hints, preferences and bench switches, without the throw: private windows,
 * blocked storage and full quotas read as nothing and ignore writes, and so does a server render.
 */

/** The value under `key`, or null when there is none or storage cannot be read. */
export function readLocal(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value` under `key`, or removes the key for null; a refusal is ignored. */
export function writeLocal(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode, quota): what is kept here is only ever a head start.
  }
}
