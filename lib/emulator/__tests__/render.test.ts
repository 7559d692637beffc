import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { OUTPUT_PRESETS } from "@/lib/endpoint";
import { renderDemoImage } from "@/lib/emulator/render";
import { makePng } from "../../../tests/support/images";

describe("demo renderer", () => {
  it.each(OUTPUT_PRESETS.map((size) => [`${size.width}x${size.height}`, size] as const))(
    "renders %s with several references, a missing one, and the exact size",
    async (_label, size) => {
      const ref = new Uint8Array(await makePng(900, 700));
      const out = await renderDemoImage({
        references: [ref, ref, null, ref],
        size,
        format: "jpeg",
        seed: 5,
        index: 1,
        count: 2,
      });
      const meta = await sharp(out.bytes).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([size.width, size.height, "jpeg"]);
    },
  );

  it.each([
    ["Full", 1440, 2560],
    ["Dev", 2304, 1728],
    ["Full", 1312, 3104],
  ] as const)("keeps the %s label inside a %dx%d image", async (model, width, height) => {
    // On a black reference, the only white pixels are the label's: one in the last 8 columns is
    // text running off the edge.
    const black = await sharp({
      create: { width: 64, height: 64, channels: 3, background: "#000" },
    })
      .png()
      .toBuffer();
    const out = await renderDemoImage({
      references: [new Uint8Array(black)],
      size: { width, height },
      format: "png",
      seed: 4294967295,
      index: 3,
      count: 4,
      model,
    });
    const { data, info } = await sharp(out.bytes)
      .extract({ left: width - 8, top: 0, width: 8, height })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    let white = 0;
    for (let i = 0; i < data.length; i += info.channels)
      if (data[i]! > 200 && data[i + 1]! > 200 && data[i + 2]! > 200) white++;
    expect(white).toBe(0);
  });

  it("is deterministic for a seed and differs across seeds and images", async () => {
    const ref = new Uint8Array(await makePng());
    const render = (seed: number, index: number) =>
      renderDemoImage({
        references: [ref],
        size: { width: 2048, height: 2048 },
        format: "png",
        seed,
        index,
        count: 2,
      }).then((r) => r.bytes.toString("base64"));
    const a = await render(7, 0);
    expect(await render(7, 0)).toBe(a);
    expect(await render(8, 0)).not.toBe(a);
    expect(await render(7, 1)).not.toBe(a);
  });
});

describe("demo renderer, realistic outputs (DEMO_OUTPUT=realistic)", () => {
  it("weighs megabytes as a 2048² PNG, like a model's, and stays deterministic for a seed", async () => {
    const render = (realistic: boolean) =>
      renderDemoImage({
        references: [],
        size: { width: 2048, height: 2048 },
        format: "png",
        seed: 3,
        index: 0,
        count: 1,
        realistic,
      });
    const [flat, real] = await Promise.all([render(false), render(true)]);
    expect(flat.bytes.byteLength).toBeLessThan(1_000_000);
    expect(real.bytes.byteLength).toBeGreaterThan(3_000_000);
    expect((await sharp(real.bytes).metadata()).width).toBe(2048);
    expect((await render(true)).bytes.equals(real.bytes)).toBe(true);
  }, 60_000);
});
