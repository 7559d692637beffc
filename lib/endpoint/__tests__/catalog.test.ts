import { describe, expect, it } from "vitest";
import {
  costUsd,
  ENDPOINTS,
  endpointById,
  endpointOf,
  MODELS,
  referenceResolution,
  taskOf,
} from "@/lib/endpoint";
import { inputSchemaFor } from "@/lib/endpoint/schema";
import { maxRunCostUsd } from "@/lib/limits/run-cost";
import { DEFAULT_FORM, switchModel } from "@/lib/store/composer-form";

const ONE = { prompt: "a red door", reference_image_urls: ["https://v3.fal.media/a.png"] };

describe("the endpoint catalog and each endpoint's schema", () => {
  it.each(MODELS)("%s: the schema's defaults are the catalog's", (model) => {
    const spec = ENDPOINTS[model];
    const parsed = inputSchemaFor(model).parse(ONE);
    expect(parsed.num_inference_steps).toBe(spec.steps.default);
    expect(parsed.guidance_scale).toBe(spec.guidance.default);
    expect(parsed.image_size).toEqual({ width: 2048, height: 2048 });
  });

  it.each(MODELS)("%s: the schema's ranges are the catalog's, at both ends", (model) => {
    const { steps, guidance } = ENDPOINTS[model];
    const schema = inputSchemaFor(model);
    const ok = (change: object) => schema.safeParse({ ...ONE, ...change }).success;
    expect(ok({ num_inference_steps: steps.min })).toBe(true);
    expect(ok({ num_inference_steps: steps.max })).toBe(true);
    expect(ok({ num_inference_steps: steps.max + 1 })).toBe(false);
    expect(ok({ num_inference_steps: steps.min - 1 })).toBe(false);
    expect(ok({ guidance_scale: guidance.max })).toBe(true);
    expect(ok({ guidance_scale: guidance.max + 0.1 })).toBe(false);
  });

  it("Full takes no reference (text to image); Dev needs one", () => {
    const none = { prompt: "a lighthouse at dusk", reference_image_urls: [] };
    expect(inputSchemaFor("full").safeParse(none).success).toBe(true);
    expect(inputSchemaFor("dev").safeParse(none).success).toBe(false);
    expect(inputSchemaFor("dev").safeParse({ ...ONE, num_inference_steps: 50 }).success).toBe(
      false,
    );
    expect(inputSchemaFor("full").safeParse({ ...ONE, num_inference_steps: 50 }).success).toBe(
      true,
    );
  });

  it("prices each endpoint at its own rate", () => {
    const square = { width: 2048, height: 2048 };
    expect(costUsd(square, 1, "dev")).toBeCloseTo(0.021, 3);
    expect(costUsd(square, 1, "full")).toBeCloseTo(0.042, 3);
    expect(maxRunCostUsd({ ...ONE, num_images: 2 }, "full")).toBeCloseTo(0.084, 3);
  });

  it("knows its endpoints by id, and nothing else", () => {
    expect(endpointById("fal-ai/hidream-o1-image")?.model).toBe("full");
    expect(endpointById("fal-ai/hidream-o1-image/dev/edit")?.model).toBe("dev");
    expect(endpointById("fal-ai/hidream-o1-image/edit")).toBeUndefined();
    expect(endpointOf({}).model).toBe("dev");
    expect(endpointOf({ endpointId: "fal-ai/other" }).model).toBe("dev");
  });

  it("says which task the reference count asks for, and how much of each reference is seen", () => {
    expect([0, 1, 3].map(taskOf)).toEqual(["text to image", "edit", "personalize 3 subjects"]);
    expect([1, 2, 3, 4, 5, 8, 9, 10].map(referenceResolution)).toEqual([
      2048, 1536, 1024, 1024, 768, 768, 512, 512,
    ]);
  });

  it("switching models keeps what both share and resets steps and guidance", () => {
    const dev = {
      ...DEFAULT_FORM,
      seedMode: "fixed" as const,
      seed: "7",
      numImages: 3,
      steps: "12",
    };
    const full = switchModel(dev, "full");
    expect(full).toMatchObject({
      model: "full",
      steps: "50",
      guidance: "5",
      seed: "7",
      numImages: 3,
    });
    expect(switchModel(full, "dev")).toMatchObject({ model: "dev", steps: "28", guidance: "0" });
    expect(switchModel(full, "full")).toBe(full);
  });
});
