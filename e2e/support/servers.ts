/** Ports and secrets of the servers the e2e suite starts (see playwright.config.ts). */
const demoPort = 3310;
const livePort = 3311;
const lockedPort = 3312;
const backendPort = 3319;

export const E2E = {
  demoPort,
  livePort,
  lockedPort,
  backendPort,
  /** Demo mode, open: no key, no password. */
  demoApp: `http://127.0.0.1:${demoPort}`,
  /** Live mode behind a password: the canary key, fal's hosts replaced by the backend below. */
  liveApp: `http://127.0.0.1:${livePort}`,
  /** Demo mode locked and capped: a password and a daily budget of a few runs. */
  lockedApp: `http://127.0.0.1:${lockedPort}`,
  backend: `http://127.0.0.1:${backendPort}`,
  /** A key that must never reach the browser. */
  canaryKey: "canary-e2e-key-3f9c2a7d1b",
  /** The access password of the live and locked apps; it must never reach the browser either. */
  password: "canary-e2e-password-8e1d",
  /** The locked app's daily cap: two 2048² runs ($0.021 each) fit, a third does not. */
  lockedBudgetUsd: "0.05",
} as const;
