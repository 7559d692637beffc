/**
 * Reading a long history without stalling the page: the newest runs at once, for the first paint,
 * then the rest in batches, each short enough not to block input, handed over a few times a
 * second rather than per batch (each hand-over re-renders what reads the run list, at a cost that
 * grows with the history: npm run bench -- history-load).
 */
import type { RunRecord } from "./run-record";

export interface HistoryReadOptions {
  /** Up to `limit` runs, newest first, after `after` in that order (history-db's loadRunsPage). */
  loadPage(limit: number, after?: RunRecord): Promise<RunRecord[]>;
  /** Takes runs read, in order, each once. */
  join(records: RunRecord[]): void;
  /** True once the reading should stop (the history was cleared meanwhile). */
  stopped(): boolean;
  first: number;
  batch: number;
  /** Runs read are handed to `join` at most this often (the first page and the last at once). */
  joinMs: number;
  now?: () => number;
  /** Lets the page run between batches. */
  pause?: () => Promise<void>;
}

/** Reads every run, newest first; resolves false if stopped before the end. */
export async function readHistoryInBatches(options: HistoryReadOptions): Promise<boolean> {
  const now = options.now ?? (() => performance.now());
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  let page = await options.loadPage(options.first);
  options.join(page);
  let pending: RunRecord[] = [];
  let joined = now();
  while (page.length > 0) {
    await pause();
    if (options.stopped()) return false;
    page = await options.loadPage(options.batch, page.at(-1));
    pending.push(...page);
    if (page.length === 0 || now() - joined >= options.joinMs) {
      if (pending.length) options.join(pending);
      pending = [];
      joined = now();
    }
  }
  return true;
}

/**
 * A pause for `readHistoryInBatches` that waits until no key was pressed in `target` for
 * `quietMs`: reading and joining 10,000 runs costs the main thread seconds in all, and typing in
 * the prompt comes first (npm run bench -- history-load). `stop` removes the listener.
 */
export function pauseWhileTyping(
  target: EventTarget,
  quietMs: number,
  now = () => performance.now(),
) {
  let lastKey = -Infinity;
  const onKey = () => (lastKey = now());
  target.addEventListener("keydown", onKey, { capture: true, passive: true });
  const pause = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        const quiet = now() - lastKey;
        if (quiet >= quietMs) resolve();
        else setTimeout(check, quietMs - quiet);
      };
      setTimeout(check, 0);
    });
  const stop = () => target.removeEventListener("keydown", onKey, { capture: true });
  return { pause, stop };
}
