/**
 * The gallery's thumbnail route, spelled once for the browser and the server: a result's original
 * (fal's media URL or a demo file) resized to one WebP width, or a check that the original is
 * still served.
 */
import { THUMB_WIDTHS } from "@/lib/shares/public-share";

export const THUMBNAIL_ROUTE = "/api/thumbnail";
/**
 * One width for every place a result is small (gallery cards, grid cells, slide rows): the share
 * page's 640, so both use one server cache; ~40–50 KB for a photo-like 2048² PNG of ~6 MB.
 */
export const GALLERY_THUMB_WIDTH = THUMB_WIDTHS[1];

/** The thumbnail of `url`, as the route makes it. */
export const thumbnailPath = (url: string) =>
  `${THUMBNAIL_ROUTE}?w=${GALLERY_THUMB_WIDTH}&url=${encodeURIComponent(url)}`;

/** Asks whether the original at `url` is still served: 204 yes, 410 gone. */
export const originalCheckPath = (url: string) =>
  `${THUMBNAIL_ROUTE}?check=1&url=${encodeURIComponent(url)}`;

/** Whether a result's URL can have a thumbnail at all: an inline data: URL is already here. */
export const isThumbnailable = (url: string) =>
  /^https?:\/\//i.test(url) || (url.startsWith("/") && !url.startsWith("//"));
