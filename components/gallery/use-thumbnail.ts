"use client";

import { useEffect, useRef, useState } from "react";
import {
  createThumbnails,
  THUMBNAILS_SWITCH_KEY,
  type Thumbnails,
  type ThumbnailView,
} from "@/lib/gallery/thumbnails";
import { loadThumbnail, markOriginal, saveThumbnail } from "@/lib/history/thumbnail-db";
import { readLocal } from "@/lib/local-storage";

/** How far ahead of the viewport a result's thumbnail is looked up or made (about a screen). */
const AHEAD = "800px 0px";

let instance: Thumbnails | undefined;

/** The page's one set of thumbnails: the gallery, grid cells and slide rows share object URLs. */
function thumbnails(): Thumbnails {
  instance ??= createThumbnails({
    load: loadThumbnail,
    save: saveThumbnail,
    mark: markOriginal,
    fetch: (path) => fetch(path, { credentials: "same-origin" }),
    objectUrl: (blob) => URL.createObjectURL(blob),
    revoke: (url) => URL.revokeObjectURL(url),
    now: Date.now,
  });
  return instance;
}

/** The bench's "before" case: every result by its full-size URL, as the gallery used to. */
function fullSizeOnly(): boolean {
  return readLocal(THUMBNAILS_SWITCH_KEY) === "off";
}

/**
 * A result's thumbnail (`key` is its selection key, `runId:index`), looked up once the element
 * behind `ref` comes near the viewport; `view` is undefined until then. `expired` turns true
 * when the original is found gone, while the stored preview stays shown.
 */
export function useThumbnail<T extends Element>(key: string, url: string) {
  const ref = useRef<T>(null);
  // Results come from IndexedDB, so this never runs on the server (no hydration to match).
  const [view, setView] = useState<ThumbnailView | undefined>(() =>
    fullSizeOnly() ? { src: url, expired: false } : thumbnails().peek(key),
  );
  useEffect(() => {
    const element = ref.current;
    if (!element || fullSizeOnly()) return;
    let live = true;
    const show = () => {
      const set = thumbnails();
      void set.view(key, url).then(async (shown) => {
        if (!live) return;
        setView(shown);
        if (!shown.expired && shown.src !== url && (await set.originalGone(key, url)) && live)
          setView({ ...shown, expired: true });
      });
    };
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        show();
      },
      { rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => {
      live = false;
      observer.disconnect();
    };
  }, [key, url]);
  return { ref, view };
}
