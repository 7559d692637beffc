/**
 * Inline results (sync mode: `data:` URLs) as short `blob:` URLs for the audience window. A data
 * URL is megabytes, cloned into every stage message (sixty a second while the wipe moves); a
 * blob URL made here opens in any window of the same origin while this page keeps it.
 */

export interface InlineImageUrls {
  /** `src` itself, or a blob: URL standing for it when it is a base64 data: URL. */
  urlFor(src: string): string;
  /** Frees every blob made; call when the audience no longer needs them. */
  revokeAll(): void;
}

const DATA_URL = /^data:([^;,]+);base64,/;

/** A cache of blob: URLs for data: URLs, made once each. */
export function inlineImageUrls(
  create: (blob: Blob) => string = (blob) => URL.createObjectURL(blob),
  revoke: (url: string) => void = (url) => URL.revokeObjectURL(url),
): InlineImageUrls {
  const made = new Map<string, string>();
  return {
    urlFor(src) {
      const type = src.match(DATA_URL)?.[1];
      if (!type) return src;
      let url = made.get(src);
      if (!url) {
        const bytes = Uint8Array.from(atob(src.slice(src.indexOf(",") + 1)), (c) =>
          c.charCodeAt(0),
        );
        url = create(new Blob([bytes], { type }));
        made.set(src, url);
      }
      return url;
    },
    revokeAll() {
      made.forEach((url) => revoke(url));
      made.clear();
    },
  };
}
