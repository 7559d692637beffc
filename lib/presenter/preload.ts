/**
 * Images fetched and decoded before the stage shows them, so a slide change never shows a blank
 * or half-drawn frame. Bounded: a deck of full-size results would otherwise hold hundreds of
 * megabytes of decoded pixels; the stage only needs the current slide and its neighbours.
 */
import { readLocal } from "@/lib/local-storage";

/** What the stage needs of a decoded image; an HTMLImageElement is one (and keeps the pixels). */
export interface DecodedImage {
  naturalWidth: number;
  naturalHeight: number;
}

export type Peek = { state: "ready"; image: DecodedImage } | { state: "failed" } | undefined;

export interface Preloader {
  /** Fetches and decodes `src` once; later calls share the result while it stays cached. */
  preload(src: string): Promise<DecodedImage>;
  /** What is known of `src` right now, without waiting: ready, failed, or not yet (undefined). */
  peek(src: string): Peek;
  /** Calls `onChange` whenever an image settles or is forgotten (for useSyncExternalStore). */
  subscribe(onChange: () => void): () => void;
}

interface Entry {
  promise: Promise<DecodedImage>;
  settled?: Exclude<Peek, undefined>;
}

/** A bounded cache of decoded images over `load`, least recently used first out. */
export function createPreloader(load: (src: string) => Promise<DecodedImage>, max = 12): Preloader {
  const entries = new Map<string, Entry>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  const touch = (src: string, entry: Entry) => {
    entries.delete(src);
    entries.set(src, entry);
    let evicted = false;
    for (const oldest of entries.keys()) {
      if (entries.size <= max) break;
      entries.delete(oldest);
      evicted = true;
    }
    if (evicted) changed();
  };
  return {
    preload(src) {
      const known = entries.get(src);
      // A failure is not kept for long: the next ask tries again (a network blip passes).
      if (known && known.settled?.state !== "failed") {
        touch(src, known);
        return known.promise;
      }
      const entry: Entry = { promise: load(src) };
      const settle = (settled: Entry["settled"]) => {
        entry.settled = settled;
        changed();
      };
      entry.promise.then(
        (image) => settle({ state: "ready", image }),
        () => settle({ state: "failed" }),
      );
      touch(src, entry);
      return entry.promise;
    },
    peek(src) {
      return entries.get(src)?.settled;
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

/** Loads and decodes an image in the browser (`img.decode()`), falling back to its load event. */
export function decodeImage(src: string): Promise<DecodedImage> {
  const image = new Image();
  image.decoding = "async";
  image.src = src;
  if (typeof image.decode === "function") return image.decode().then(() => image);
  return new Promise((resolve, reject) => {
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(`Could not load ${src}`));
  });
}

/** The localStorage key of the bench-only switch below. */
export const PRELOAD_SWITCH_KEY = "hidream-playground/presenter-preload";

/**
 * Whether the stage fetches its neighbours ahead. Bench-only switch (bench/presenter-slides.ts
 * measures the stage without look-ahead): "off" under PRELOAD_SWITCH_KEY makes a slide's image
 * fetched only once it is shown. Nothing in the app sets it.
 */
export function preloadsAhead(): boolean {
  return readLocal(PRELOAD_SWITCH_KEY) !== "off";
}

/** The page's one preloader: both the presenter's stage and its notes share what it decoded. */
export const stageImages: Preloader = createPreloader((src) => decodeImage(src));
