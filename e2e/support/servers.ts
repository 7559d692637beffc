/** Ports and secrets of the servers the e2e suite starts (see playwright.config.ts). */
const demoPort = 3310;
const livePort = 3311;
const backendPort = 3319;

export const E2E = {
  demoPort,
  livePort,
  backendPort,
  demoApp: `http://127.0.0.1:${demoPort}`,
  liveApp: `http://127.0.0.1:${livePort}`,
  backend: `http://127.0.0.1:${backendPort}`,
  /** A key that must never reach the browser. */
  canaryKey: "canary-e2e-key-3f9c2a7d1b",
} as const;
