/**
 * What the gallery shows for a result: its thumbnail from IndexedDB, or made once by the server's
 * thumbnail route and kept, so a returning visitor fetches nothing and a phone never downloads
 * the model's multi-megabyte PNGs to show a card (npm run bench -- gallery-bytes). Full-size files
 * are fetched only by the lightbox, compare, download and the presenter's stage.
 *
 * Made on the server rather than in the browser: a browser-made thumbnail needs the original's
 * bytes first (~6 MB a result), so a history without thumbnails yet (stored before this, or
 * imported) would cost its full size once more; the server's costs ~45 KB a result (the bench's
 * cold case).
 */
import type { StoredThumbnail } from "@/lib/history/thumbnail-db";
import { isThumbnailable, originalCheckPath, thumbnailPath } from "./thumbnail-url";

/** What to draw for a result. */
export interface ThumbnailView {
  /** An object URL of the stored thumbnail, or the original's URL when none can be made. */
  src?: string;
  /** The original is gone (fal answered 404/410): `src` is the kept preview, if there is one. */
  expired: boolean;
}

export interface ThumbnailDeps {
  load(key: string): Promise<StoredThumbnail | undefined>;
  save(thumb: StoredThumbnail): Promise<void>;
  mark(key: string, gone: boolean, checkedAt: number): Promise<void>;
  fetch(path: string): Promise<Response>;
  objectUrl(blob: Blob): string;
  /** Lets go of an object URL made by `objectUrl`. */
  revoke(url: string): void;
  now(): number;
  /** Most results whose object URLs are kept; the least recently shown beyond are let go. */
  capacity?: number;
}

/**
 * Object URLs kept at once. Each holds its thumbnail (~45 KB) for the page's life, so scrolling
 * a 10,000-run history would keep ~1 GB; a window of 36 runs shows at most 144 results, so 400
 * keeps every result on screen and near it, within ~18 MB.
 */
export const KEPT_VIEWS = 400;

/** How long an original known to be served is trusted before asking again. */
export const RECHECK_MS = 6 * 60 * 60 * 1000;
/**
 * Thumbnail requests at once: the browser allows 6 connections per host over HTTP/1.1, and the
 * run's status stream and the proxy's calls must not queue behind a gallery's worth of images.
 */
const MAX_IN_FLIGHT = 3;

/** The bench's switch (gallery-bytes) for the old behaviour: every result by its full-size URL. */
export const THUMBNAILS_SWITCH_KEY = "gallery-thumbnails";

export interface Thumbnails {
  /** The view of a result once known, without waiting (for a first render). */
  peek(key: string): ThumbnailView | undefined;
  /** The result's view: stored, or made now and stored; never rejects. */
  view(key: string, url: string): Promise<ThumbnailView>;
  /**
   * Whether the original is gone, asking the server at most every RECHECK_MS for a result with a
   * stored preview (a result without one learns it when its thumbnail is made, or its <img> fails).
   */
  originalGone(key: string, url: string): Promise<boolean>;
}

const runIdOf = (key: string) => key.slice(0, key.lastIndexOf(":"));

/** The thumbnails of one page, over IndexedDB and the route given in `deps`. */
export function createThumbnails(deps: ThumbnailDeps): Thumbnails {
  const capacity = deps.capacity ?? KEPT_VIEWS;
  const views = new Map<string, Promise<ThumbnailView>>();
  // Least recently shown first (a Map keeps insertion order; a use moves a key to the end).
  const settled = new Map<string, ThumbnailView>();
  // The object URLs this page made, by key: only these are revoked.
  const made = new Map<string, string>();
  const checks = new Map<string, Promise<boolean>>();
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  async function limited<T>(work: () => Promise<T>): Promise<T> {
    if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight++;
    try {
      return await work();
    } finally {
      inFlight--;
      waiting.shift()?.();
    }
  }

  async function make(key: string, url: string): Promise<ThumbnailView> {
    const stored = await deps.load(key).catch(() => undefined);
    if (stored && stored.url === url)
      return { src: objectUrl(key, stored.blob), expired: stored.gone === true };
    const response = await limited(() => deps.fetch(thumbnailPath(url))).catch(() => undefined);
    if (response?.status === 410) return { expired: true };
    const type = response?.headers.get("content-type") ?? "";
    if (!response?.ok || !type.startsWith("image/")) {
      await response?.body?.cancel();
      // Refused or unreachable (an old deployment, a closed one, fal slow): the original, as
      // before, and no record, so a later visit tries again.
      return { src: url, expired: false };
    }
    const blob = await response.blob();
    const now = deps.now();
    await deps
      .save({ key, runId: runIdOf(key), url, blob, madeAt: now, checkedAt: now })
      .catch(() => {}); // storage full or refused: shown this time, made again next time
    return { src: objectUrl(key, blob), expired: false };
  }

  function objectUrl(key: string, blob: Blob): string {
    const src = deps.objectUrl(blob);
    made.set(key, src);
    return src;
  }

  /** Marks `key` as just shown, and lets go of the least recently shown beyond `capacity`. */
  function touch(key: string, view: ThumbnailView) {
    settled.delete(key);
    settled.set(key, view);
    for (const oldest of settled.keys()) {
      if (settled.size <= capacity) break;
      // An <img> already showing it keeps its pixels; a card drawn again later makes it anew
      // from IndexedDB (no network).
      settled.delete(oldest);
      views.delete(oldest);
      const src = made.get(oldest);
      made.delete(oldest);
      if (src) deps.revoke(src);
    }
  }

  return {
    peek(key) {
      const view = settled.get(key);
      if (view) touch(key, view);
      return view;
    },
    view(key, url) {
      if (!isThumbnailable(url)) return Promise.resolve({ src: url, expired: false });
      const known = settled.get(key);
      if (known) {
        touch(key, known);
        return Promise.resolve(known);
      }
      let pending = views.get(key);
      if (!pending) {
        pending = make(key, url).then((view) => {
          if (views.get(key) === pending) touch(key, view);
          return view;
        });
        views.set(key, pending);
      }
      return pending;
    },
    originalGone(key, url) {
      let pending = checks.get(key);
      if (!pending) {
        pending = (async () => {
          const stored = await deps.load(key).catch(() => undefined);
          if (!stored || stored.url !== url) return false;
          if (stored.gone) return true;
          if (deps.now() - stored.checkedAt < RECHECK_MS) return false;
          const response = await limited(() => deps.fetch(originalCheckPath(url))).catch(
            () => undefined,
          );
          await response?.body?.cancel();
          if (response?.status === 410) {
            await deps.mark(key, true, deps.now()).catch(() => {});
            const view = settled.get(key);
            if (view) touch(key, { ...view, expired: true });
            return true;
          }
          if (response?.status === 204) await deps.mark(key, false, deps.now()).catch(() => {});
          return false;
        })();
        checks.set(key, pending);
      }
      return pending;
    },
  };
}
