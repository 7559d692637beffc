import { saveBlob } from "@/lib/format/save-blob";
import { isShownImageType, mediaType } from "@/lib/images/shown-types";
import type { Recipe } from "@/lib/recipe/recipe";
import type { ImageFile } from "@/lib/endpoint";
import { extensionOf } from "./image-facts";

const MAX_SLUG = 48;

/** "A red fox, at dawn!" → "a-red-fox-at-dawn": lower case ASCII, at most 48 characters. */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, MAX_SLUG).replace(/-+$/, "") || "image";
}

/** `<prompt slug>-seed-<seed>[-<n>].<ext>`; the number only when the run made several images. */
export function downloadFileName(
  image: ImageFile,
  prompt: string,
  seed: number,
  index: number,
  count: number,
): string {
  const number = count > 1 ? `-${index + 1}` : "";
  return `${slugify(prompt)}-seed-${seed}${number}.${extensionOf(image)}`;
}

/**
 * Saves the image under `fileName`, with its recipe in the file's metadata. Browsers ignore
 * `download` on cross-origin links (fal's CDN), so the bytes are fetched first (data: URLs too)
 * and saved from a same-origin object URL.
 */
export async function downloadImage(url: string, fileName: string, recipe?: Recipe): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  if (!recipe) return saveBlob(blob, fileName);
  // The metadata writer loads with the first download, not with the page.
  const { embedRecipe } = await import("@/lib/recipe/metadata");
  const bytes = embedRecipe(new Uint8Array(await blob.arrayBuffer()), recipe);
  saveBlob(new Blob([bytes as BlobPart], { type: blob.type }), fileName);
}

/**
 * An inline (data:) result's bytes. Only an image keeps its type: any other (a page, say, from an
 * imported file) would open as a document of this site, so it is typed as a PNG, which it cannot
 * pass for.
 */
export function inlineImageBlob(dataUrl: string): Blob {
  const [head = "", base64 = ""] = dataUrl.split(",", 2);
  const declared = mediaType(head.match(/^data:([^;,]+)/)?.[1] ?? "");
  const type = isShownImageType(declared) ? declared : "image/png";
  return new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type });
}

/**
 * Opens an inline (data:) result in a new tab. Browsers refuse to navigate a tab to a data: URL,
 * so the bytes are decoded here, at once (the click's permission to open a tab does not wait).
 */
export function openInlineImage(dataUrl: string): void {
  const objectUrl = URL.createObjectURL(inlineImageBlob(dataUrl));
  window.open(objectUrl, "_blank", "noreferrer");
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}
