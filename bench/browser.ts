/**
 * The Chromium every browser bench launches: Debian's where there is one (else Playwright's
 * own), kept quiet so that what it measures is the page.
 *
 * Chromium 156 run headless is the whole browser: every new context opens a window, and each
 * window loads two hidden omnibox popups (chrome://omnibox-popup.top-chrome) in a renderer of
 * their own. On this 2-core machine that is ~0.6 s of CPU per context, spent while the page under
 * test loads; a browser a visitor already has open did it once, long ago. The bench turns those
 * features off.
 *
 * Chromium reads only the last `--disable-features` it is given, and Playwright passes its own
 * list (HttpsUpgrades, PaintHolding and more): a second list would silently switch those back on.
 * So the bench reads Playwright's list from the command line of a browser it launched (Linux,
 * /proc) and passes one merged list. Where that cannot be read, the popups stay on.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
/** The hidden per-window pages that compete with the page under test. */
const QUIET_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];
/** Fewer background requests and timers; the same for every bench. */
const QUIET_SWITCHES = [
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];
const DISABLE_FEATURES = "--disable-features=";

let defaultDisabled: Promise<string[] | undefined> | undefined;

/** `chromium.launch` with the bench's quiet switches, `args` added. */
export async function launchBenchBrowser(args: string[] = []): Promise<Browser> {
  return chromium.launch(await benchLaunchOptions(args));
}

/** `chromium.launchPersistentContext` in `dir`, likewise. */
export async function launchBenchPersistentContext(
  dir: string,
  args: string[],
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, { ...options, ...(await benchLaunchOptions(args)) });
}

/** The executable and switches, with one merged `--disable-features`. */
export async function benchLaunchOptions(args: string[] = []): Promise<LaunchOptions> {
  const executablePath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
  defaultDisabled ??= playwrightDisabledFeatures(executablePath);
  const playwrights = await defaultDisabled;
  const features = playwrights ? [...playwrights, ...QUIET_FEATURES] : undefined;
  return {
    executablePath,
    args: [
      ...QUIET_SWITCHES,
      ...args,
      ...(features ? [DISABLE_FEATURES + features.join(",")] : []),
    ],
  };
}

/**
 * The features Playwright disables, read from the command line of a browser it launches with
 * its defaults (undefined off Linux, or when no such process is found).
 */
async function playwrightDisabledFeatures(
  executablePath: string | undefined,
): Promise<string[] | undefined> {
  if (!existsSync("/proc/self/stat")) return undefined;
  const browser = await chromium.launch({ executablePath });
  try {
    for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
      let argv: string[];
      try {
        if (parentOf(pid) !== process.pid) continue;
        argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      } catch {
        continue; // gone meanwhile
      }
      const list = argv.filter((arg) => arg.startsWith(DISABLE_FEATURES)).at(-1);
      if (list) return list.slice(DISABLE_FEATURES.length).split(",").filter(Boolean);
    }
    return undefined;
  } finally {
    await browser.close();
  }
}

function parentOf(pid: string): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // After "pid (comm) state": the comm may hold spaces and parentheses, so read past the last ")".
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}
