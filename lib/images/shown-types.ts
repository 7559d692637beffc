/**
 * Files the app shows (or lets a browser open) as images: plain raster types, which run nothing.
 * Any other type of file on this site's origin (a page, an SVG with script) is never shown in
 * place: a demo file is served as a download, a share's original as bytes, an inline result typed
 * as a PNG.
 */
export const SHOWN_IMAGE_TYPES: ReadonlySet<string> = new Set([
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/gif",
  "image/avif",
]);

/** `type/subtype` of a Content-Type, lower case, without parameters. */
export function mediaType(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

/** Whether a Content-Type (parameters and case aside) is one the app shows as an image. */
export function isShownImageType(contentType: string): boolean {
  return SHOWN_IMAGE_TYPES.has(mediaType(contentType));
}
