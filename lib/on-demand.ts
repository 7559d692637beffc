/**
 * Code that only some visitors need, kept out of the first load (npm run bench, first-load):
 * `preload()` on a sign of intent (hover, focus), components/use-on-demand.ts where it renders.
 * Unlike next/dynamic, a module that was preloaded renders at once, with no fallback frame, so a
 * panel opened after a hover never flashes its placeholder.
 */
export interface OnDemand<T> {
  /** Starts loading (once; again after a failure) and resolves when loaded. */
  preload(): Promise<T>;
  /** The module if it has loaded. */
  current(): T | undefined;
}

/** A module loaded by `load` on first need, and kept. */
export function onDemand<T>(load: () => Promise<T>): OnDemand<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    preload: () =>
      (pending ??= load()
        .then((loaded) => (value = loaded))
        .catch((error: unknown) => {
          // A chunk that failed (offline, a deploy in between) is tried again next time.
          pending = undefined;
          throw error;
        })),
    current: () => value,
  };
}
