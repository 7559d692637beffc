import { describe, expect, it } from "vitest";
import { buildInput } from "@/lib/store/composer-check";
import { DEFAULT_FORM, formFromInput, saneForm } from "@/lib/store/composer-form";

const refs = ["https://v3.fal.media/a.png"];

describe("composer form", () => {
  it("sends the endpoint's defaults and leaves the seed to fal when random", () => {
    const { input, errors } = buildInput(DEFAULT_FORM, "make it blue", refs);
    expect(errors).toEqual({});
    expect(input).toEqual({
      prompt: "make it blue",
      reference_image_urls: refs,
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

  it("puts each schema problem on the field that caused it", () => {
    const { errors } = buildInput(
      {
        ...DEFAULT_FORM,
        steps: "29",
        guidance: "abc",
        seedMode: "fixed",
        seed: "1.5",
        sizeChoice: "custom",
        customWidth: "0",
      },
      " ",
      [],
    );
    expect(errors).toEqual({
      prompt: "Write a prompt.",
      num_inference_steps: "Steps must be a whole number from 1 to 28.",
      guidance_scale: "Guidance must be a number from 0 to 20.",
      seed: "Seed must be a whole number from 0 to 4294967295.",
      "image_size.width": "Width must be a whole number from 1 to 14142.",
    });
  });

  it("asks Dev for a reference, and lets Full start from text", () => {
    expect(buildInput(DEFAULT_FORM, "a door", []).errors).toEqual({
      reference_image_urls: "Add at least one reference image.",
    });
    const full = buildInput(
      { ...DEFAULT_FORM, model: "full", steps: "50", guidance: "5" },
      "a door",
      [],
    );
    expect(full.errors).toEqual({});
    expect(full.input).not.toHaveProperty("reference_image_urls");
  });

  it("applies keep original aspect only with exactly one reference", () => {
    const form = { ...DEFAULT_FORM, keepOriginalAspect: true };
    expect(buildInput(form, "p", refs).input.keep_original_aspect).toBe(true);
    expect(
      buildInput(form, "p", [...refs, "https://v3.fal.media/b.png"]).input.keep_original_aspect,
    ).toBe(false);
  });

  it("sends a fixed seed and a preset size as they are", () => {
    const { input, errors } = buildInput(
      { ...DEFAULT_FORM, seedMode: "fixed", seed: "42", sizeChoice: "portrait_16_9" },
      "p",
      refs,
    );
    expect(errors).toEqual({});
    expect(input.seed).toBe(42);
    expect(input.image_size).toBe("portrait_16_9");
  });
});

describe("reusing a past run's parameters", () => {
  it("round-trips every field through the form", async () => {
    const { formFromInput } = await import("@/lib/store/composer-form");
    for (const form of [
      DEFAULT_FORM,
      {
        ...DEFAULT_FORM,
        sizeChoice: "landscape_4_3" as const,
        steps: "12",
        guidance: "3.5",
        seedMode: "fixed" as const,
        seed: "7",
        numImages: 3,
        outputFormat: "webp" as const,
        safetyChecker: false,
        syncMode: true,
        keepOriginalAspect: true,
      },
      { ...DEFAULT_FORM, sizeChoice: "custom" as const, customWidth: "1280", customHeight: "720" },
    ]) {
      const { input } = buildInput(form, "p", refs);
      expect(buildInput(formFromInput(input), "p", refs).input).toEqual(input);
    }
  });
});

describe("before the checks have loaded", () => {
  it("drafts the same input the checked build sends", async () => {
    const { draftInput } = await import("@/lib/store/composer-form");
    const form = { ...DEFAULT_FORM, steps: "12", seedMode: "fixed" as const, seed: "7" };
    expect(draftInput(form, "p", refs)).toEqual(buildInput(form, "p", refs).input);
  });

  it("knows a first visit's form from one with any choice made", async () => {
    const { isDefaultForm } = await import("@/lib/store/composer-form");
    expect(isDefaultForm({ ...DEFAULT_FORM })).toBe(true);
    expect(isDefaultForm({ ...DEFAULT_FORM, steps: "12" })).toBe(false);
    expect(isDefaultForm({ ...DEFAULT_FORM, model: "full" })).toBe(false);
    expect(isDefaultForm({ ...DEFAULT_FORM, syncMode: true })).toBe(false);
  });
});

describe("a form from data the page did not write", () => {
  it("takes the default for each field of the wrong type or outside its choices", () => {
    const form = saneForm({
      model: "flux",
      sizeChoice: "bogus",
      customWidth: { a: 1 },
      customHeight: "9".repeat(100),
      steps: 28,
      guidance: null,
      seedMode: "sometimes",
      seed: ["1"],
      numImages: { x: 1 },
      outputFormat: "gif",
      safetyChecker: "yes",
      syncMode: 1,
      keepOriginalAspect: null,
      extra: "dropped",
    });
    expect(form).toEqual(DEFAULT_FORM);
  });

  it("keeps what is right, text as typed", () => {
    const right = {
      model: "full",
      sizeChoice: "custom",
      customWidth: "12a",
      numImages: 4,
      outputFormat: "webp",
      seedMode: "fixed",
      seed: "42",
    } as const;
    expect(saneForm({ ...DEFAULT_FORM, ...right })).toMatchObject(right);
    expect(saneForm({ ...DEFAULT_FORM, numImages: 5 }).numImages).toBe(DEFAULT_FORM.numImages);
    expect(saneForm(null)).toEqual(DEFAULT_FORM);
  });

  it("restores a recipe's input only as the controls can hold it", () => {
    const form = formFromInput({
      prompt: "p",
      num_images: { x: 1 },
      image_size: "bogus",
      output_format: "tiff",
    } as unknown as Parameters<typeof formFromInput>[0]);
    expect(form.numImages).toBe(DEFAULT_FORM.numImages);
    expect(form.sizeChoice).toBe("default");
    expect(form.outputFormat).toBe(DEFAULT_FORM.outputFormat);
  });
});
