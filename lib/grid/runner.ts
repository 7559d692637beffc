/**
 * Sending a grid's planned runs: at most `concurrency` in flight at once, and never more per clock
 * minute than the proxy's runs-per-minute limit lets through (the proxy counts per clock minute
 * and per client, so the pacer does too). Each cell is a normal run: the engine sends and follows
 * it, and a reload finds the cells not yet sent still planned, to send again.
 */

/** How many grid runs may be in flight at once (the "e.g. 4"). */
export const GRID_CONCURRENCY = 4;

export interface PacerState {
  /** Runs the client may start per minute, or null for no limit. */
  limit: number | null;
  /** Runs the server had counted in the current minute when the limits were last read. */
  used: number;
  /** When that minute ends (ms since the epoch). */
  resetsAt: number;
}

/** Hands out permission to submit, at most `limit` per clock minute. */
export function createPacer(
  state: () => PacerState,
  clock: { now(): number; sleep(ms: number): Promise<void> } = {
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  },
) {
  let window = -1;
  let taken = 0;
  let queue: Promise<void> = Promise.resolve();
  const minute = (ms: number) => Math.floor(ms / 60_000);

  async function acquireNow(): Promise<void> {
    for (;;) {
      const { limit, used, resetsAt } = state();
      if (limit === null) return;
      const now = clock.now();
      const current = minute(now);
      if (current !== window) {
        window = current;
        // The server's count is for this window only if it was read in this window.
        taken = minute(resetsAt - 1) === current ? used : 0;
      }
      if (taken < limit) {
        taken++;
        return;
      }
      // Half a second past the minute, so the server's counter has surely rolled over.
      await clock.sleep((current + 1) * 60_000 - now + 500);
    }
  }

  return {
    /** Resolves when one more run may be submitted; callers are served in order. */
    acquire(): Promise<void> {
      const turn = queue.then(acquireNow);
      queue = turn.catch(() => {});
      return turn;
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;

/**
 * Runs `ids` through `send` with at most `concurrency` at once, each after the pacer allows it.
 * `send` resolves when the run has ended. Resolves when every run has ended.
 */
export async function runBounded(
  ids: readonly string[],
  send: (id: string) => Promise<void>,
  options: { concurrency?: number; pacer?: Pacer } = {},
): Promise<void> {
  const concurrency = Math.max(1, options.concurrency ?? GRID_CONCURRENCY);
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      await options.pacer?.acquire();
      await send(id).catch(() => {});
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, lane));
}
