/** Ports and secrets of the servers the e2e suite starts (see playwright.config.ts). */
const demoPort = 3310;
const livePort = 3311;
const lockedPort = 3312;
const hardenedPort = 3313;
const outagePort = 3314;
const reviewPort = 3315;
const reviewRedisPort = 3316;
const redisPort = 3321;
const backendPort = 3319;

export const E2E = {
  demoPort,
  livePort,
  lockedPort,
  hardenedPort,
  outagePort,
  reviewPort,
  reviewRedisPort,
  redisPort,
  backendPort,
  /** Demo mode, open: no key, no password. */
  demoApp: `http://127.0.0.1:${demoPort}`,
  /** Live mode behind a password: the canary key, fal's hosts replaced by the backend below. */
  liveApp: `http://127.0.0.1:${livePort}`,
  /** Demo mode locked and capped: a password and a daily budget of a few runs. */
  lockedApp: `http://127.0.0.1:${lockedPort}`,
  /** Demo mode behind a password, with runs per minute: visitors told apart by their connection. */
  hardenedApp: `http://127.0.0.1:${hardenedPort}`,
  /** Demo mode behind a password, its limits in a Redis that is not there. */
  outageApp: `http://127.0.0.1:${outagePort}`,
  /** Demo mode behind a password, review links in the embedded SQLite store. */
  reviewApp: `http://127.0.0.1:${reviewPort}`,
  /** The same with review links (and limits) in a real Redis, as on Vercel. */
  reviewRedisApp: `http://127.0.0.1:${reviewRedisPort}`,
  /** The real redis-server the suite starts for the Redis review app. */
  redisUrl: `redis://127.0.0.1:${redisPort}`,
  backend: `http://127.0.0.1:${backendPort}`,
  /** A key that must never reach the browser. */
  canaryKey: "canary-e2e-key-3f9c2a7d1b",
  /** The access password of the live and locked apps; it must never reach the browser either. */
  password: "canary-e2e-password-8e1d",
  /** The locked app's daily cap: two 2048² runs ($0.021 each) fit, a third does not. */
  lockedBudgetUsd: "0.05",
  /** A fixed session secret for the hardened and outage apps, so a test can seal a session. */
  sessionSecret: "e2e-session-secret-0123456789abcdef0123",
  /** Where the outage app's Redis would be: nothing listens on port 1. */
  deadRedisUrl: "redis://127.0.0.1:1",
} as const;
