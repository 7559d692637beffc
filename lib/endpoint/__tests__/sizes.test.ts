import { describe, expect, it } from "vitest";
import {
  costUsd,
  formatUsd,
  keepAspectSize,
  NAMED_SIZES,
  outputSize,
  snapToPreset,
} from "@/lib/endpoint";
import { editInputSchema, toFieldErrors } from "@/lib/endpoint/schema";

describe("output size snapping", () => {
  it.each([
    ["square_hd", 2048, 2048],
    ["square", 2048, 2048],
    ["portrait_4_3", 1728, 2304],
    ["portrait_16_9", 1440, 2560],
    ["landscape_4_3", 2304, 1728],
    ["landscape_16_9", 2560, 1440],
  ] as const)("snaps %s to %i×%i", (preset, width, height) => {
    expect(snapToPreset(NAMED_SIZES[preset])).toEqual({ width, height });
  });

  it("ignores the requested pixel count and keeps the closest aspect", () => {
    expect(snapToPreset({ width: 1280, height: 720 })).toEqual({ width: 2560, height: 1440 });
    expect(snapToPreset({ width: 300, height: 700 })).toEqual({ width: 1312, height: 3104 });
  });

  it("keeps a single reference's aspect on a 32-pixel grid", () => {
    expect(keepAspectSize({ width: 3000, height: 2000 })).toEqual({ width: 2496, height: 1664 });
    const input = { keep_original_aspect: true, reference_image_urls: ["a"] };
    expect(outputSize(input, { width: 3000, height: 2000 })).toEqual({ width: 2496, height: 1664 });
    expect(
      outputSize({ ...input, reference_image_urls: ["a", "b"] }, { width: 3000, height: 2000 }),
    ).toEqual({ width: 2048, height: 2048 });
  });

  it.each([
    [100_000, 1],
    [1, 100_000],
    [5000, 10],
    [40, 4000],
    [3000, 2000],
    [2000, 3000],
    [1, 1],
    [2048, 2048],
  ])("keeps %i×%i within 2048² on a grid of 32, however thin", (width, height) => {
    const out = keepAspectSize({ width, height });
    expect(out.width * out.height).toBeLessThanOrEqual(2048 * 2048);
    expect(out.width % 32).toBe(0);
    expect(out.height % 32).toBe(0);
    expect(Math.min(out.width, out.height)).toBeGreaterThanOrEqual(32);
    // The longer side stays the longer one.
    expect(Math.sign(out.width - out.height)).toBe(Math.sign(width - height));
  });
});

describe("price", () => {
  it("charges $0.005 per output megapixel per image", () => {
    expect(costUsd({ width: 2048, height: 2048 })).toBeCloseTo(0.02097, 5);
    expect(costUsd({ width: 2048, height: 2048 }, 4)).toBeCloseTo(0.08389, 5);
    expect(formatUsd(0.020971)).toBe("$0.021");
    expect(formatUsd(0.25)).toBe("$0.25");
  });
});

describe("input schema", () => {
  it("applies the API page's defaults", () => {
    expect(editInputSchema.parse({ prompt: "p", reference_image_urls: ["u"] })).toEqual({
      prompt: "p",
      reference_image_urls: ["u"],
      image_size: { width: 2048, height: 2048 },
      num_inference_steps: 28,
      guidance_scale: 0,
      num_images: 1,
      output_format: "png",
      sync_mode: false,
      enable_safety_checker: true,
      keep_original_aspect: false,
    });
  });

  it("refuses what the API refuses, with fal-shaped field locations", () => {
    const result = editInputSchema.safeParse({
      prompt: "",
      reference_image_urls: Array.from({ length: 11 }, () => "u"),
      num_inference_steps: 0,
      guidance_scale: 20.5,
      num_images: 5,
      output_format: "gif",
      image_size: "huge",
    });
    expect(result.success).toBe(false);
    const locs = toFieldErrors(result.error!).map((e) => e.loc.join("."));
    expect(locs).toEqual(
      expect.arrayContaining([
        "body.prompt",
        "body.reference_image_urls",
        "body.num_inference_steps",
        "body.guidance_scale",
        "body.num_images",
        "body.output_format",
        "body.image_size",
      ]),
    );
  });
});
