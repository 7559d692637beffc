"use client";

import { useEffect, useState } from "react";

/**
 * Code that only some visitors need, kept out of the first load (npm run bench, first-load):
 * `preload()` on a sign of intent (hover, focus), `useOnDemand` where it renders. Unlike
 * next/dynamic, a module that was preloaded renders at once, with no fallback frame, so a
 * panel opened after a hover never flashes its placeholder.
 */
export interface OnDemand<T> {
  /** Starts loading (once; again after a failure) and resolves when loaded. */
  preload(): Promise<T>;
  /** The module if it has loaded. */
  current(): T | undefined;
}

export function onDemand<T>(load: () => Promise<T>): OnDemand<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    preload: () =>
      (pending ??= load().then(
        (loaded) => (value = loaded),
        (error: unknown) => {
          // A chunk that failed (offline, a deploy in between) is tried again next time.
          pending = undefined;
          throw error;
        },
      )),
    current: () => value,
  };
}

/** The module: loaded once `wanted`, undefined until it has arrived. */
export function useOnDemand<T>(module: OnDemand<T>, wanted: boolean): T | undefined {
  const [, arrived] = useState(0);
  const loaded = module.current();
  useEffect(() => {
    if (!wanted || loaded) return;
    let live = true;
    module.preload().then(
      () => live && arrived((n) => n + 1),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [module, wanted, loaded]);
  return loaded;
}
