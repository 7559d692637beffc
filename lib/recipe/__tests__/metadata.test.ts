/**
 * A recipe written into PNG, JPEG and WebP files is read back by our reader and by two readers we
 * did not write (exifreader, and exiftool when the machine has it), and the image itself is
 * unchanged: decoded by sharp, pixel for pixel.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExifReader from "exifreader";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { APP_VERSION } from "@/lib/app-version";
import { embedRecipe, readRecipe, RECIPE_XMP_NAMESPACE } from "@/lib/recipe/metadata";
import { recipeOf, type Recipe } from "@/lib/recipe/recipe";
import packageJson from "../../../package.json";
import { handMadePng, pngChunk } from "../../../tests/support/images";

const PROMPT = 'A "café" sign in <neon> & rain — 雨の夜, 🌧️';

function sampleRecipe(): Recipe {
  return recipeOf(
    {
      input: {
        prompt: PROMPT,
        reference_image_urls: [
          "https://v3.fal.media/files/a/ref one.png",
          "https://x/y.jpg?a=1&b=2",
        ],
        num_images: 2,
        guidance_scale: 5,
        num_inference_steps: 50,
      },
      endpointId: "fal-ai/hidream-o1-image",
      requestId: "0b9d5c1e-4f7a-4c3b-9a2e-6d8f1e2a3b4c",
      output: {
        images: [{ url: "https://v3.fal.media/out.png", width: 64, height: 48 }],
        seed: 4242,
        has_nsfw_concepts: [false],
        prompt: PROMPT,
        timings: { inference: 12.5 },
      },
      submittedAt: Date.UTC(2026, 11, 1, 12),
      completedAt: Date.UTC(2026, 11, 1, 12, 0, 30),
    },
    0,
  );
}

const exiftool = (() => {
  try {
    execFileSync("exiftool", ["-ver"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
})();

async function image(
  format: "png" | "jpeg" | "webp",
  options: { alpha?: boolean; lossless?: boolean } = {},
) {
  const base = sharp({
    create: {
      width: 64,
      height: 48,
      channels: options.alpha ? 4 : 3,
      background: options.alpha ? { r: 10, g: 120, b: 200, alpha: 0.5 } : "#0a78c8",
      noise: { type: "gaussian", mean: 100, sigma: 30 },
    },
  });
  const encoded =
    format === "png"
      ? base.png()
      : format === "jpeg"
        ? base.withMetadata({ orientation: 1 }).jpeg({ quality: 90 })
        : base.webp({ quality: 80, lossless: options.lossless });
  return new Uint8Array(await encoded.toBuffer());
}

const pixels = async (bytes: Uint8Array) =>
  (await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true })).data;

const CASES = [
  ["PNG", () => image("png")],
  ["PNG with alpha", () => image("png", { alpha: true })],
  ["JPEG with EXIF", () => image("jpeg")],
  ["WebP lossy", () => image("webp")],
  ["WebP lossless with alpha", () => image("webp", { alpha: true, lossless: true })],
] as const;

describe("a recipe in the file's metadata", () => {
  it.each(CASES)("%s: written, read back by three readers, image unchanged", async (_n, make) => {
    const original = await make();
    const recipe = sampleRecipe();
    const written = embedRecipe(original, recipe);

    expect(readRecipe(written)).toEqual(recipe);
    expect(await pixels(written)).toEqual(await pixels(original));

    const tags = ExifReader.load(written.buffer as ArrayBuffer, { expanded: true });
    const description = tags.xmp?.description as { description?: string } | undefined;
    expect(description?.description).toBe(PROMPT);
    const xmpRecipe = tags.xmp?.Recipe as { value?: string } | undefined;
    expect(JSON.parse(xmpRecipe!.value!)).toEqual(recipe);
    expect(String((tags.xmp?.CreatorTool as { value?: string }).value)).toContain(APP_VERSION);

    if (exiftool) {
      const dir = mkdtempSync(path.join(tmpdir(), "recipe-"));
      const file = path.join(dir, "image");
      writeFileSync(file, written);
      const [read] = JSON.parse(
        execFileSync("exiftool", ["-j", "-XMP:all", "-PNG:all", file], { encoding: "utf8" }),
      ) as Record<string, unknown>[];
      expect(read?.Description).toBe(PROMPT);
      expect(JSON.parse(String(read?.Recipe))).toEqual(recipe);
    }
  });

  it.each(CASES)("%s: written twice keeps one recipe, the newer", async (_n, make) => {
    const first = embedRecipe(await make(), sampleRecipe());
    const newer = { ...sampleRecipe(), seed: 7, input: { ...sampleRecipe().input, seed: 7 } };
    const again = embedRecipe(first, newer);
    expect(readRecipe(again)).toEqual(newer);
    const text = new TextDecoder("latin1").decode(again);
    expect(text.split(RECIPE_XMP_NAMESPACE).length - 1).toBe(1);
  });

  it("PNG: also as text chunks common tools show", async () => {
    const written = embedRecipe(await image("png"), sampleRecipe());
    const tags = ExifReader.load(written.buffer as ArrayBuffer);
    expect((tags.Description as { value?: string }).value).toBe(PROMPT);
    expect((tags.Source as { value?: string }).value).toBe("fal-ai/hidream-o1-image");
  });

  it("reads nothing from files that carry no recipe, or someone else's XMP", async () => {
    expect(readRecipe(await image("png"))).toBeUndefined();
    expect(readRecipe(await image("jpeg"))).toBeUndefined();
    expect(readRecipe(new TextEncoder().encode("GIF89a not ours"))).toBeUndefined();
    const forged = embedRecipe(await image("jpeg"), {
      ...sampleRecipe(),
      format: "other" as never,
    });
    expect(readRecipe(forged)).toBeUndefined();
  });

  it("states the playground's version as package.json does", () => {
    expect(APP_VERSION).toBe(packageJson.version);
  });
});

describe("recipes in files made elsewhere", () => {
  /** A PNG with one iTXt chunk (keyword, text), as any tool could write it. */
  const pngWithText = (keyword: string, text: string) =>
    new Uint8Array(
      handMadePng([
        pngChunk(
          "iTXt",
          Buffer.concat([
            Buffer.from(keyword, "latin1"),
            Buffer.from([0, 0, 0, 0, 0]),
            Buffer.from(text, "utf8"),
          ]),
        ),
      ]),
    );
  const recipeJson = (patch: Record<string, unknown>) =>
    JSON.stringify({
      format: "hidream-playground-recipe",
      version: 1,
      model: "dev",
      seed: 7,
      input: { prompt: "a cat", reference_image_urls: ["https://v3.fal.media/a.png"] },
      ...patch,
    });

  it("reads a well-formed recipe from a file it did not write", () => {
    expect(readRecipe(pngWithText("hidream-recipe", recipeJson({})))?.seed).toBe(7);
  });

  it.each([
    ["a seed that is an object", { seed: { x: 1 } }],
    ["no seed", { seed: undefined }],
    ["an input that is a list", { input: ["a cat"] }],
    ["references that are words", { input: { prompt: "a cat", reference_image_urls: "abc" } }],
    ["references that are objects", { input: { prompt: "a cat", reference_image_urls: [{}] } }],
    [
      "eleven references",
      { input: { prompt: "a", reference_image_urls: Array(11).fill("https://a") } },
    ],
    ["a model the app does not have", { model: "flux" }],
  ])("offers no recipe with %s", (_, patch) => {
    expect(readRecipe(pngWithText("hidream-recipe", recipeJson(patch)))).toBeUndefined();
  });

  it("reads a packet of unclosed recipe tags in one pass, however large", () => {
    // A pattern with a lazy match took minutes on this (10 s at 1 MB, growing with its square).
    const packet = "<x:xmpmeta>" + "<hidream:Recipe>".repeat(256 * 1024);
    expect(readRecipe(pngWithText("XML:com.adobe.xmp", packet))).toBeUndefined();
    const found = `<x:xmpmeta><hidream:Recipe>${recipeJson({}).replaceAll('"', "&quot;")}</hidream:Recipe>`;
    expect(readRecipe(pngWithText("XML:com.adobe.xmp", found))?.seed).toBe(7);
  });
});
