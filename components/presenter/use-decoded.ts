"use client";

import { useEffect, useSyncExternalStore } from "react";
import { preloadsAhead, stageImages, type Peek } from "@/lib/presenter/preload";

const subscribe = (onChange: () => void) => stageImages.subscribe(onChange);

/**
 * The image at `src` once it is fetched and decoded (or failed): undefined until then. Read from
 * the preloader synchronously, so an image decoded ahead of time is there on the very render
 * that asks for it, with no frame in between.
 */
export function useDecoded(src: string | undefined): Peek {
  const known = useSyncExternalStore(
    subscribe,
    () => (src ? stageImages.peek(src) : undefined),
    () => undefined,
  );
  useEffect(() => {
    if (src && !known) stageImages.preload(src).catch(() => undefined);
  }, [src, known]);
  return known;
}

/** Starts fetching and decoding images the stage will need next; failures are shown later. */
export function usePreload(sources: readonly (string | undefined)[]): void {
  const key = sources.filter(Boolean).join("\n");
  useEffect(() => {
    if (!preloadsAhead()) return;
    for (const src of key.split("\n")) if (src) stageImages.preload(src).catch(() => undefined);
  }, [key]);
}
