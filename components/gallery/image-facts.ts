import { formatBytes } from "@/lib/format/bytes";
import { costUsd, DEFAULT_MODEL, formatUsd, type ImageFile, type ModelId } from "@/lib/endpoint";

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

/** The file extension for an output image, from its MIME type, else from fal's file name. */
export function extensionOf(image: ImageFile): string {
  const fromType = image.content_type && EXTENSIONS[image.content_type];
  const fromName = image.file_name?.match(/\.([a-z0-9]{2,5})$/i)?.[1]?.toLowerCase();
  return fromType || fromName || "png";
}

/** True for sync-mode results: the bytes are inline, so they never expire and have no host. */
export const isInline = (url: string) => url.startsWith("data:");

/** `W × H · PNG · 1.2 MB · $0.021`: each part only when fal reported it; priced on its model. */
export function imageFacts(image: ImageFile, model: ModelId = DEFAULT_MODEL): string {
  const { width, height } = image;
  const sized = width !== undefined && height !== undefined;
  return [
    sized ? `${width} × ${height}` : undefined,
    image.content_type?.replace(/^image\//, "").toUpperCase(),
    image.file_size !== undefined ? formatBytes(image.file_size) : undefined,
    // The price follows what was actually delivered, not the size that was asked for.
    sized ? formatUsd(costUsd({ width, height }, 1, model)) : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** CSS aspect-ratio of the box an image loads into; square until fal reports a size. */
export function aspectOf(image: ImageFile): string {
  return image.width && image.height ? `${image.width} / ${image.height}` : "1 / 1";
}
