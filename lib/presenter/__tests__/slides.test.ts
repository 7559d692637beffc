import { describe, expect, it } from "vitest";
import { deckSlides, slideIndexOf, slideOf, slidesOf, type SlideRun } from "@/lib/presenter/slides";

const run = (id: string, change: Partial<SlideRun> = {}): SlideRun => ({
  id,
  input: {
    prompt: "a red door in the snow",
    reference_image_urls: ["data:image/png;base64,AAAA", "https://v3.fal.media/ref.png"],
    num_inference_steps: 20,
    guidance_scale: 3.5,
  },
  endpointId: "fal-ai/hidream-o1-image",
  output: {
    images: [
      { url: "https://v3.fal.media/a.png", width: 2000, height: 1000 },
      { url: "https://v3.fal.media/b.png" },
    ],
    seed: 42,
    has_nsfw_concepts: [false, false],
    prompt: "a red door in the snow",
    timings: { inference: 21.04 },
  },
  submittedAt: 1_000,
  startedAt: 1_400,
  completedAt: 23_000,
  ...change,
});

describe("a slide from a run", () => {
  it("carries the image, its before, prompt, parameters as the gallery words them, seed, cost and timings", () => {
    expect(slideOf([run("r1")], "r1:0")).toEqual({
      key: "r1:0",
      runId: "r1",
      index: 0,
      src: "https://v3.fal.media/a.png",
      width: 2000,
      height: 1000,
      beforeSrc: "https://v3.fal.media/ref.png",
      prompt: "a red door in the snow",
      parameters: [
        ["Model", "Full"],
        ["Size", "2000 × 1000"],
        ["Steps", "20"],
        ["Guidance", "3.5"],
      ],
      seed: 42,
      model: "HiDream-O1 Full",
      // 2 MP at Full's $0.01 per megapixel.
      costUsd: 0.02,
      timings: "queued 0.4 s · inference 21.0 s · total 22.0 s",
    });
  });

  it("takes a relative reference (the demo backend's files) as the before", () => {
    const local = run("r1", {
      input: { prompt: "p", reference_image_urls: ["/api/demo-fal/files/abc/ref.png"] },
    });
    expect(slideOf([local], "r1:0")?.beforeSrc).toBe("/api/demo-fal/files/abc/ref.png");
  });

  it("has no before, cost or timings when there is nothing to say them from", () => {
    const bare = run("r1", {
      input: { prompt: "p", reference_image_urls: ["blob:http://x/1"] },
      completedAt: undefined,
    });
    const slide = slideOf([bare], "r1:1");
    expect(slide?.src).toBe("https://v3.fal.media/b.png");
    expect(slide).not.toHaveProperty("beforeSrc");
    expect(slide).not.toHaveProperty("costUsd");
    expect(slide).not.toHaveProperty("timings");
    expect(slide?.model).toBe("HiDream-O1 Full");
  });

  it("names Dev for a run saved before there were two endpoints", () => {
    expect(slideOf([run("r1", { endpointId: undefined })], "r1:0")?.model).toBe("HiDream-O1 Dev");
  });

  it("is null for an unknown run, a missing image, an unfinished run or a malformed key", () => {
    const runs = [run("r1"), run("r2", { output: undefined })];
    expect(slideOf(runs, "nope:0")).toBeNull();
    expect(slideOf(runs, "r1:5")).toBeNull();
    expect(slideOf(runs, "r2:0")).toBeNull();
    expect(slideOf(runs, "r1")).toBeNull();
    expect(slideOf(runs, "r1:-1")).toBeNull();
  });

  it("reads run ids that hold colons", () => {
    expect(slideOf([run("grid:3:1")], "grid:3:1:0")?.runId).toBe("grid:3:1");
  });
});

describe("a deck's slides", () => {
  const runs = [run("r1"), run("r2")];

  it("keeps the deck's order and skips images that are gone", () => {
    const slides = slidesOf(runs, ["r2:1", "gone:0", "r1:0"]);
    expect(slides.map((s) => s.key)).toEqual(["r2:1", "r1:0"]);
  });

  it("says which deck entry each slide stands for, also when a key comes twice", () => {
    const { slides, positions } = deckSlides(runs, ["r1:0", "gone:0", "r2:0", "r1:0"]);
    expect(slides.map((s) => s.key)).toEqual(["r1:0", "r2:0", "r1:0"]);
    expect(positions).toEqual([0, 2, 3]);
  });

  it("finds the current slide, or the nearest one before it when the deck's is gone", () => {
    const positions = [0, 2, 3];
    expect(slideIndexOf(positions, 3)).toBe(2);
    expect(slideIndexOf(positions, 2)).toBe(1);
    expect(slideIndexOf(positions, 1)).toBe(0);
    expect(slideIndexOf([1, 2], 0)).toBe(0);
  });
});
