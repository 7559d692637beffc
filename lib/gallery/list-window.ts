/**
 * Which entries of a long list are rendered: a window [start, end) that grows a step at a time
 * toward where the reader scrolls, and drops entries at its far side once it holds more than a
 * cap, so rendering stays proportional to what is near the screen, not to the history's size.
 * Entries dropped from the DOM keep their measured height in a spacer, so nothing moves.
 */

export interface ListWindow {
  /** First rendered entry. */
  start: number;
  /** One past the last rendered entry. */
  end: number;
}

export interface WindowLimits {
  /** Entries added per step. */
  step: number;
  /** Most entries rendered at once. */
  max: number;
}

/**
 * The window fitted to a list now `total` entries long (runs deleted, or arriving at the top):
 * cut at the end, and starting early enough to show a step's worth of entries when it can.
 */
export function clampWindow(window: ListWindow, total: number, step: number): ListWindow {
  const end = Math.min(window.end, total);
  return { start: Math.max(0, Math.min(window.start, end - step)), end };
}

/**
 * A step further down: `step` more entries at the end, and as many dropped at the start as the
 * cap asks, but not past `keep` (the entry holding keyboard focus) when that costs at most a step
 * more: focus left far behind by the scroll wheel is let go, so the window stays bounded.
 */
export function growDown(
  window: ListWindow,
  total: number,
  { step, max }: WindowLimits,
  keep?: number,
): ListWindow {
  const end = Math.min(total, window.end + step);
  let start = Math.max(window.start, end - max);
  if (keep !== undefined && keep >= window.start && start - keep <= step)
    start = Math.min(start, keep);
  return { start, end };
}

/** A step further up: `step` more entries at the start, dropping at the end as the cap asks. */
export function growUp(window: ListWindow, { step, max }: WindowLimits, keep?: number): ListWindow {
  const start = Math.max(0, window.start - step);
  let end = Math.min(window.end, start + max);
  if (keep !== undefined && keep < window.end && keep + 1 - end <= step)
    end = Math.max(end, keep + 1);
  return { start, end };
}

/**
 * The height the entries in [from, to) took when they were last rendered (`heights` by key, each
 * with its share of the gap), counting only the ones measured: entries never rendered take no
 * room until they are, as in a list that grows as it is scrolled.
 */
export function measuredHeight(
  keys: readonly string[],
  from: number,
  to: number,
  heights: ReadonlyMap<string, number>,
): number {
  let sum = 0;
  for (let i = Math.max(0, from); i < Math.min(to, keys.length); i++)
    sum += heights.get(keys[i]!) ?? 0;
  return sum;
}
