import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./e2e/support/servers";

// Playwright's own browser where it is installed; otherwise the system Chromium (Debian's
// /usr/bin/chromium), since closed networks cannot download Playwright's.
const systemChromium = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
].find((path): path is string => !!path && existsSync(path));
const useSystemChromium =
  process.env.PLAYWRIGHT_USE_BUNDLED !== "1" && systemChromium !== undefined;

const quiet = { NEXT_TELEMETRY_DISABLED: "1" };
/** Demo mode whatever the shell has set. */
const DEMO = {
  FAL_KEY: "",
  FAL_KEY_ID: "",
  FAL_KEY_SECRET: "",
  FAL_UPSTREAM_URL: "",
  DAILY_BUDGET_USD: "",
  TRUSTED_IP_HEADER: "",
  REDIS_URL: "",
};

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    // Recording a trace (DOM snapshots and a screencast of every action) costs each test CPU on
    // 2 cores; CI records one only when a failed test is retried, local runs keep a failure's.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: useSystemChromium ? systemChromium : undefined,
      // A fresh profile on a closed network: no background calls to Google's services.
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "demo", testMatch: /demo\/.*\.spec\.ts/, use: { baseURL: E2E.demoApp } },
    { name: "live", testMatch: /live\/.*\.spec\.ts/, use: { baseURL: E2E.liveApp } },
    { name: "locked", testMatch: /locked\/.*\.spec\.ts/, use: { baseURL: E2E.lockedApp } },
    { name: "hardened", testMatch: /hardened\/.*\.spec\.ts/, use: { baseURL: E2E.hardenedApp } },
    { name: "outage", testMatch: /outage\/.*\.spec\.ts/, use: { baseURL: E2E.outageApp } },
    // One review-link suite, run on each store.
    { name: "review", testMatch: /review\/.*\.spec\.ts/, use: { baseURL: E2E.reviewApp } },
    {
      name: "review-redis",
      testMatch: /review\/.*\.spec\.ts/,
      use: { baseURL: E2E.reviewRedisApp },
    },
  ],
  webServer: [
    {
      // Demo mode: no key, the embedded backend, paced so queue and logs are visible.
      command: `npx next start -p ${E2E.demoPort}`,
      url: E2E.demoApp,
      env: {
        ...quiet,
        FAL_KEY: "",
        FAL_KEY_ID: "",
        FAL_KEY_SECRET: "",
        FAL_UPSTREAM_URL: "",
        ACCESS_PASSWORD: "",
        DAILY_BUDGET_USD: "",
        DEMO_QUEUE_MS: "400",
        DEMO_STEP_MS: "30",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx tsx scripts/emulator.ts --port ${E2E.backendPort}`,
      url: `${E2E.backend}/_emulator/requests`,
      env: { ...quiet, DEMO_QUEUE_MS: "300", DEMO_STEP_MS: "30" },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Live mode behind the gate: a canary key, fal's hosts replaced by the standalone backend.
      command: `npx next start -p ${E2E.livePort}`,
      url: `${E2E.liveApp}/sign-in`,
      env: {
        ...quiet,
        FAL_KEY: E2E.canaryKey,
        FAL_UPSTREAM_URL: E2E.backend,
        ACCESS_PASSWORD: E2E.password,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Demo mode locked and capped, as a deployer would rehearse a client demo.
      command: `npx next start -p ${E2E.lockedPort}`,
      url: `${E2E.lockedApp}/sign-in`,
      env: {
        ...quiet,
        FAL_KEY: "",
        FAL_KEY_ID: "",
        FAL_KEY_SECRET: "",
        FAL_UPSTREAM_URL: "",
        ACCESS_PASSWORD: E2E.password,
        DAILY_BUDGET_USD: E2E.lockedBudgetUsd,
        DEMO_QUEUE_MS: "200",
        DEMO_STEP_MS: "20",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Served directly, as `next start` on a VM: visitors are told apart by their connection.
      command: `npx next start -p ${E2E.hardenedPort}`,
      url: `${E2E.hardenedApp}/sign-in`,
      env: {
        ...quiet,
        ...DEMO,
        ACCESS_PASSWORD: E2E.password,
        SESSION_SECRET: E2E.sessionSecret,
        RUNS_PER_MINUTE: "2",
        DEMO_QUEUE_MS: "100",
        DEMO_STEP_MS: "10",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Limits in a Redis that is down: everything that counts must answer 503 in words.
      command: `npx next start -p ${E2E.outagePort}`,
      url: `${E2E.outageApp}/sign-in`,
      env: {
        ...quiet,
        ...DEMO,
        ACCESS_PASSWORD: E2E.password,
        SESSION_SECRET: E2E.sessionSecret,
        REDIS_URL: E2E.deadRedisUrl,
        RUNS_PER_MINUTE: "5",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Review links in the embedded store: a SQLite file in a folder of the suite's own.
      command: `npx next start -p ${E2E.reviewPort}`,
      url: `${E2E.reviewApp}/sign-in`,
      env: {
        ...quiet,
        ...DEMO,
        ACCESS_PASSWORD: E2E.password,
        DATA_DIR: ".e2e-data/review",
        DEMO_QUEUE_MS: "100",
        DEMO_STEP_MS: "10",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // A real, empty Redis that keeps nothing on disk.
      command: `redis-server --port ${E2E.redisPort} --save "" --appendonly no`,
      port: E2E.redisPort,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Review links in Redis, as a Vercel deployment keeps them.
      command: `npx next start -p ${E2E.reviewRedisPort}`,
      url: `${E2E.reviewRedisApp}/sign-in`,
      env: {
        ...quiet,
        ...DEMO,
        ACCESS_PASSWORD: E2E.password,
        REDIS_URL: E2E.redisUrl,
        DEMO_QUEUE_MS: "100",
        DEMO_STEP_MS: "10",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
