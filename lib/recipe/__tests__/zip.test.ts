import sharp from "sharp";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildZip } from "@/components/gallery/download-zip";
import { readRecipe } from "@/lib/recipe/metadata";
import { recipeOf } from "@/lib/recipe/recipe";

const run = (prompt: string, seed: number) => ({
  input: { prompt, reference_image_urls: ["https://v3.fal.media/a.png"] },
  submittedAt: 0,
  output: {
    images: [{ url: `https://v3.fal.media/${seed}.png` }],
    seed,
    has_nsfw_concepts: [false],
    prompt,
    timings: {},
  },
});

describe("the selection as a ZIP", () => {
  it("holds each image with its recipe, unique names, and a manifest that lists what is missing", async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: "#123456" } })
        .png()
        .toBuffer(),
    );
    const items = [
      {
        url: "https://v3.fal.media/1.png",
        fileName: "a-red-door-seed-1.png",
        recipe: recipeOf(run("a red door", 1), 0),
      },
      {
        url: "https://v3.fal.media/2.png",
        fileName: "a-red-door-seed-1.png",
        recipe: recipeOf(run("a red door", 2), 0),
      },
      {
        url: "https://v3.fal.media/gone.png",
        fileName: "gone.png",
        recipe: recipeOf(run("gone", 3), 0),
      },
    ];
    const { bytes, missing } = await buildZip(items, async (url) => {
      if (url.includes("gone")) throw new Error("HTTP 404");
      return png;
    });
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      "a-red-door-seed-1-2.png",
      "a-red-door-seed-1.png",
      "manifest.json",
    ]);
    expect(readRecipe(files["a-red-door-seed-1-2.png"]!)?.seed).toBe(2);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as {
      files: { file: string; recipe: { seed: number } }[];
      missing: { file: string; reason: string }[];
    };
    expect(manifest.files.map((f) => [f.file, f.recipe.seed])).toEqual([
      ["a-red-door-seed-1.png", 1],
      ["a-red-door-seed-1-2.png", 2],
    ]);
    expect(manifest.missing).toEqual([
      expect.objectContaining({ file: "gone.png", reason: "HTTP 404" }),
    ]);
    expect(missing).toEqual(["gone.png"]);
  });
});
