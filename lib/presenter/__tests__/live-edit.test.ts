import { describe, expect, it } from "vitest";
import { createStore } from "zustand/vanilla";
import { ENDPOINTS, type EditInput, type EditOutput } from "@/lib/endpoint";
import type { LogLine, RunRecord } from "@/lib/history/run-record";
import {
  followLiveEdit,
  liveEditEnd,
  liveEditInput,
  liveProgressOf,
  prepareLiveEdit,
} from "@/lib/presenter/live-edit";
import type { Slide } from "@/lib/presenter/types";

const REFERENCES = ["https://v3.fal.media/cat.png", "https://v3.fal.media/hat.png"];
const RESULT = "https://v3.fal.media/result-1.png";

const OUTPUT: EditOutput = {
  images: [
    { url: "https://v3.fal.media/result-0.png", width: 2304, height: 1728 },
    { url: RESULT, width: 2304, height: 1728 },
  ],
  seed: 4242,
  has_nsfw_concepts: [false, false],
  prompt: "a cat in a hat",
  timings: { inference: 20 },
};

const INPUT: EditInput = {
  prompt: "a cat in a hat",
  reference_image_urls: REFERENCES,
  image_size: "landscape_4_3",
  num_inference_steps: 20,
  guidance_scale: 0,
  num_images: 2,
  output_format: "jpeg",
  sync_mode: false,
  enable_safety_checker: false,
  keep_original_aspect: false,
};

function runOf(change: Partial<RunRecord> = {}): RunRecord {
  return {
    id: "run-a",
    requestId: "req-a",
    input: INPUT,
    endpointId: ENDPOINTS.dev.id,
    phase: "completed",
    output: OUTPUT,
    submittedAt: 1,
    completedAt: 2,
    ...change,
  };
}

const SLIDE: Slide = {
  key: "run-a:1",
  runId: "run-a",
  index: 1,
  src: RESULT,
  width: 2304,
  height: 1728,
  prompt: "a cat in a hat",
  parameters: [],
  seed: 4242,
  model: "Dev",
};

const log = (message: string, second: number): LogLine => ({
  message,
  level: "INFO",
  timestamp: `2026-12-01T00:00:${String(second).padStart(2, "0")}Z`,
});

describe("live edit input", () => {
  it("from the image: the slide is the only reference, the run's parameters, one image, fal's seed", () => {
    expect(liveEditInput(runOf(), SLIDE, "make the hat red", "image")).toEqual({
      prompt: "make the hat red",
      reference_image_urls: [RESULT],
      image_size: "landscape_4_3",
      num_inference_steps: 20,
      guidance_scale: 0,
      num_images: 1,
      output_format: "jpeg",
      sync_mode: false,
      enable_safety_checker: false,
      keep_original_aspect: false,
    });
  });

  it("from the image keeps a seed the user had fixed", () => {
    const run = runOf({ input: { ...INPUT, seed: 7 } });
    expect(liveEditInput(run, SLIDE, "make the hat red", "image").seed).toBe(7);
  });

  it("same recipe: the run's references and settings with the seed the result used", () => {
    expect(liveEditInput(runOf(), SLIDE, "make the hat red", "recipe")).toEqual({
      ...INPUT,
      prompt: "make the hat red",
      num_images: 1,
      seed: 4242,
    });
  });

  it("fills the model's own defaults for parameters a run left out", () => {
    const run = runOf({
      endpointId: ENDPOINTS.full.id,
      input: { prompt: "a lighthouse", reference_image_urls: REFERENCES },
    });
    const input = liveEditInput(run, SLIDE, "at night", "recipe");
    expect(input.num_inference_steps).toBe(ENDPOINTS.full.steps.default);
    expect(input.guidance_scale).toBe(ENDPOINTS.full.guidance.default);
  });

  it("says what the composer says about an empty prompt", () => {
    expect(prepareLiveEdit(runOf(), SLIDE, "   ", "image").problem).toBe("Write a prompt.");
    expect(prepareLiveEdit(runOf(), SLIDE, "make it red", "image").problem).toBeUndefined();
  });

  it("gives Dev its reference from the image, where the run's own recipe has none", () => {
    // A Dev run saved without references (an imported or legacy record) cannot be repeated.
    const run = runOf({ input: { ...INPUT, reference_image_urls: [] } });
    expect(prepareLiveEdit(run, SLIDE, "make it red", "recipe").problem).toBe(
      "Add at least one reference image.",
    );
    const fromImage = prepareLiveEdit(run, SLIDE, "make it red", "image");
    expect(fromImage.problem).toBeUndefined();
    expect(fromImage.input.reference_image_urls).toEqual([RESULT]);
  });

  it("prices one image on the run's model at the size it will render", () => {
    const dev = prepareLiveEdit(runOf(), SLIDE, "red", "image");
    expect(dev.output).toEqual({ width: 2304, height: 1728 });
    expect(dev.costUsd).toBeCloseTo(2.304 * 1.728 * ENDPOINTS.dev.pricePerMegapixelUsd);
    const full = prepareLiveEdit(runOf({ endpointId: ENDPOINTS.full.id }), SLIDE, "red", "image");
    expect(full.model).toBe("full");
    expect(full.costUsd).toBeCloseTo(dev.costUsd * 2);
  });

  it("keeps the slide's shape when the run kept its reference's aspect", () => {
    const run = runOf({ input: { ...INPUT, keep_original_aspect: true } });
    const edit = prepareLiveEdit(run, { ...SLIDE, width: 2496, height: 1664 }, "red", "image");
    expect(edit.input.keep_original_aspect).toBe(true);
    expect(edit.output).toEqual({ width: 2496, height: 1664 });
  });
});

describe("live progress", () => {
  it("shows the queue position as fal counts it: how many are ahead", () => {
    expect(liveProgressOf(runOf({ phase: "submitting" }))).toEqual({ phase: "queued" });
    expect(liveProgressOf(runOf({ phase: "queued", queuePosition: 0 }))).toEqual({
      phase: "queued",
      position: 0,
    });
    expect(liveProgressOf(runOf({ phase: "queued", queuePosition: 3 }))).toEqual({
      phase: "queued",
      position: 3,
    });
  });

  it("shows the newest step from the logs, then finishing after the last", () => {
    const running = runOf({ phase: "running" });
    expect(liveProgressOf({ ...running, logs: [] })).toEqual({ phase: "running" });
    expect(
      liveProgressOf({ ...running, logs: [log("Loading model", 1), log("Step 3/28", 2)] }),
    ).toEqual({ phase: "running", step: 3, steps: 28 });
    expect(liveProgressOf({ ...running, logs: [log("Step 28/28", 3)] })).toEqual({
      phase: "finishing",
    });
  });

  it("is null once the run has ended", () => {
    for (const phase of ["completed", "failed", "cancelled"] as const)
      expect(liveProgressOf(runOf({ phase }))).toBeNull();
  });
});

describe("live edit end", () => {
  it("names the new slide by its first image, or says what went wrong", () => {
    expect(liveEditEnd(runOf({ phase: "running" }))).toBeUndefined();
    expect(liveEditEnd(runOf())).toEqual({ result: "run-a:0" });
    const error = { code: "fal_failed", detail: "Out of memory", status: 500 } as const;
    expect(liveEditEnd(runOf({ phase: "failed", output: undefined, error }))).toEqual({ error });
    expect(liveEditEnd(runOf({ phase: "cancelled", output: undefined }))).toMatchObject({
      error: { code: "fal_cancelled" },
    });
  });
});

describe("following a live edit", () => {
  type Live = RunRecord & { logs: LogLine[] };
  const started: Live = { ...runOf({ phase: "submitting", output: undefined }), logs: [] };

  function follow() {
    const store = createStore<{ runs: Live[] }>(() => ({ runs: [started] }));
    const heard: unknown[] = [];
    const ends: unknown[] = [];
    const stop = followLiveEdit(store, "run-a", {
      progress: (progress) => heard.push(progress),
      end: (end) => ends.push(end),
    });
    const patch = (change: Partial<Live>) =>
      store.setState(({ runs }) => ({ runs: runs.map((run) => ({ ...run, ...change })) }));
    return { heard, ends, stop, patch };
  }

  it("tells each change the audience can see once, then the result", () => {
    const { heard, ends, patch } = follow();
    patch({ phase: "queued", queuePosition: 1 });
    patch({ phase: "queued", queuePosition: 1, logs: [log("waiting", 1)] });
    patch({ phase: "running", logs: [log("Step 1/28", 2)] });
    patch({ phase: "running", logs: [log("Step 1/28", 2), log("cuda ok", 3)] });
    patch({ phase: "completed", output: OUTPUT });
    patch({ phase: "completed", output: OUTPUT, logs: [] });
    expect(heard).toEqual([
      { phase: "queued" },
      { phase: "queued", position: 1 },
      { phase: "running", step: 1, steps: 28 },
      null,
    ]);
    expect(ends).toEqual([{ result: "run-a:0" }]);
  });

  it("clears the audience's progress when stopped mid-run, and only then", () => {
    const running = follow();
    running.patch({ phase: "running" });
    running.stop();
    expect(running.heard.at(-1)).toBeNull();
    running.patch({ phase: "completed", output: OUTPUT });
    expect(running.ends).toEqual([]);

    const failed = follow();
    failed.patch({ phase: "failed", error: { code: "network", detail: "Dropped." } });
    failed.stop();
    expect(failed.heard).toEqual([{ phase: "queued" }, null]);
    expect(failed.ends).toEqual([{ error: { code: "network", detail: "Dropped." } }]);
  });
});
