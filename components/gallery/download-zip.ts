/**
 * The selected results as one ZIP: each file named from its prompt and seed, with its recipe in
 * its metadata, and a manifest.json listing every file's recipe (and any that could not be
 * fetched). Images are stored, not deflated: PNG, JPEG and WebP are compressed already.
 */
import { strToU8, zipSync, type Zippable } from "fflate";
import { APP_NAME, APP_VERSION } from "@/lib/app-version";
import { saveBlob } from "@/lib/format/save-blob";
import { embedRecipe } from "@/lib/recipe/metadata";
import type { Recipe } from "@/lib/recipe/recipe";

export interface ZipItem {
  url: string;
  fileName: string;
  recipe: Recipe;
}

/** `name.png`, `name-2.png`…: each file name once in the archive. */
function unique(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  const [base, ext] = /^(.*?)(\.[^.]*)?$/.exec(name)!.slice(1) as [string, string | undefined];
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}${ext ?? ""}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Builds the ZIP's bytes; `fetchBytes` replaces the network in tests. */
export async function buildZip(
  items: readonly ZipItem[],
  fetchBytes: (url: string) => Promise<Uint8Array> = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  },
): Promise<{ bytes: Uint8Array; missing: string[] }> {
  const files: Zippable = {};
  const taken = new Set<string>(["manifest.json"]);
  const listed: { file: string; recipe: Recipe }[] = [];
  const missing: { file: string; url: string; reason: string }[] = [];
  const fetched = await Promise.all(
    items.map((item) =>
      fetchBytes(item.url).then(
        (bytes) => ({ bytes }),
        (error: Error) => ({ error }),
      ),
    ),
  );
  items.forEach((item, i) => {
    const name = unique(item.fileName, taken);
    taken.add(name);
    const got = fetched[i]!;
    if ("error" in got) {
      missing.push({ file: name, url: item.url, reason: got.error.message });
      return;
    }
    files[name] = [embedRecipe(got.bytes, item.recipe), { level: 0 }];
    listed.push({ file: name, recipe: item.recipe });
  });
  const manifest = {
    format: "hidream-playground-selection",
    version: 1,
    app: APP_NAME,
    appVersion: APP_VERSION,
    exportedAt: new Date().toISOString(),
    files: listed,
    missing,
  };
  files["manifest.json"] = strToU8(JSON.stringify(manifest, null, 2));
  return { bytes: zipSync(files), missing: missing.map((m) => m.file) };
}

/** Saves the selection as `hidream-selection-<date>.zip`; returns the files it could not fetch. */
export async function downloadZip(items: readonly ZipItem[]): Promise<string[]> {
  const { bytes, missing } = await buildZip(items);
  const date = new Date().toISOString().slice(0, 10);
  saveBlob(
    new Blob([bytes as BlobPart], { type: "application/zip" }),
    `hidream-selection-${date}.zip`,
  );
  return missing;
}
