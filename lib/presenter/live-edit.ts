/**
 * A live edit in presenter mode: a new run made from the slide on stage, with a new prompt, and
 * what the audience is shown of it while it runs. The input goes through the composer's own form
 * (formFromInput, buildInput), so the defaults, the schema and its messages are the composer's.
 */
import { progressFromLogs } from "@/components/runs/run-progress";
import {
  costUsd,
  endpointOf,
  outputSize,
  type EditInput,
  type ModelId,
  type Size,
} from "@/lib/endpoint";
import type { LogLine, RunRecord } from "@/lib/history/run-record";
import { recipeOf } from "@/lib/recipe/recipe";
import type { RunError } from "@/lib/runs/run-error";
import { buildInput } from "@/lib/store/composer-check";
import { formFromInput } from "@/lib/store/composer-form";
import { selectionKey } from "@/lib/store/selection";
import type { LiveProgress, Slide } from "./types";

/**
 * "image": the slide's image is the only reference (edit what the audience sees). "recipe": the
 * slide's run again, with its references and settings, only the prompt changed.
 */
export type LiveEditMode = "image" | "recipe";

export interface LiveEdit {
  input: EditInput;
  model: ModelId;
  /** Why it cannot be sent, in the composer's words (the schema's messages), or undefined. */
  problem?: string;
  /** What the model will render, and what fal will bill for it. */
  output: Size;
  costUsd: number;
}

/** One image per live edit: it becomes one slide. */
const LIVE_EDIT_IMAGES = 1;

/** The input, model, problem and price of a live edit from `slide`, a result of `run`. */
export function prepareLiveEdit(
  run: RunRecord,
  slide: Slide,
  prompt: string,
  mode: LiveEditMode,
): LiveEdit {
  const { model } = endpointOf(run);
  // The recipe is the input with the seed the result used, so only the prompt differs from the
  // slide. From the image, the run's seed is kept only when the user had fixed it; otherwise fal
  // picks one, as for any run left on a random seed.
  const base = mode === "recipe" ? recipeOf(run, slide.index).input : run.input;
  const form = { ...formFromInput(base, model), numImages: LIVE_EDIT_IMAGES };
  const references = mode === "image" ? [slide.src] : (run.input.reference_image_urls ?? []);
  const { input, errors } = buildInput(form, prompt, references);
  // The composer's order: a missing reference, then the prompt, then any parameter. The run's
  // parameters were valid when it was sent, so the last should not happen but is still said.
  const problem =
    errors.reference_image_urls ?? errors.prompt ?? Object.values(errors).find(Boolean);
  // With keep-original-aspect the result keeps its reference's shape, and so does the slide.
  const slideSize =
    slide.width && slide.height ? { width: slide.width, height: slide.height } : undefined;
  const output = outputSize(input, slideSize);
  return {
    input,
    model,
    ...(problem && { problem }),
    output,
    costUsd: costUsd(output, LIVE_EDIT_IMAGES, model),
  };
}

/** The input a live edit from `slide` sends (see prepareLiveEdit for its problem and price). */
export function liveEditInput(
  run: RunRecord,
  slide: Slide,
  prompt: string,
  mode: LiveEditMode,
): EditInput {
  return prepareLiveEdit(run, slide, prompt, mode).input;
}

/**
 * What the audience sees of a run: its queue position (fal's: how many are ahead), then the step
 * from its logs, then "finishing" once the last step is done; null once it has ended.
 */
export function liveProgressOf(run: RunRecord & { logs?: LogLine[] }): LiveProgress | null {
  switch (run.phase) {
    case "planned":
    case "submitting":
      return { phase: "queued" };
    case "queued":
      return run.queuePosition === undefined
        ? { phase: "queued" }
        : { phase: "queued", position: run.queuePosition };
    case "running": {
      const progress = progressFromLogs(run.logs ?? []);
      if (!progress) return { phase: "running" };
      if (progress.step >= progress.total) return { phase: "finishing" };
      return { phase: "running", step: progress.step, steps: progress.total };
    }
    default:
      return null;
  }
}

/** How a live edit ended: the new slide's key, or what went wrong; undefined while it runs. */
export type LiveEditEnd = { result: string } | { error: RunError };

/** The end of a live edit's run, once it has one. */
export function liveEditEnd(run: RunRecord): LiveEditEnd | undefined {
  if (run.phase === "completed") {
    if (run.output?.images.length) return { result: selectionKey(run.id, 0) };
    return { error: { code: "unknown", detail: "The run ended without an image." } };
  }
  if (run.phase === "cancelled")
    return { error: run.error ?? { code: "fal_cancelled", detail: "The run was cancelled." } };
  if (run.phase === "failed")
    return { error: run.error ?? { code: "unknown", detail: "The run failed." } };
  return undefined;
}

/** The part of a zustand store a live edit is followed through. */
export interface RunSource<S extends { runs: readonly (RunRecord & { logs?: LogLine[] })[] }> {
  getState(): S;
  subscribe(listener: (state: S) => void): () => void;
}

/**
 * Follows a live edit's run in the store: `progress` hears each change of what the audience is
 * shown (not each log line), `end` hears once how it ended. The function returned stops
 * following, and clears the audience's progress if it was showing any.
 */
export function followLiveEdit<S extends { runs: readonly (RunRecord & { logs?: LogLine[] })[] }>(
  store: RunSource<S>,
  runId: string,
  on: { progress(progress: LiveProgress | null): void; end(end: LiveEditEnd): void },
): () => void {
  let told = "null";
  let ended = false;
  const follow = (state: S) => {
    const run = state.runs.find((r) => r.id === runId);
    if (!run || ended) return;
    const progress = liveProgressOf(run);
    if (JSON.stringify(progress) !== told) {
      told = JSON.stringify(progress);
      on.progress(progress);
    }
    const end = liveEditEnd(run);
    if (end) {
      ended = true;
      on.end(end);
    }
  };
  follow(store.getState());
  const unsubscribe = store.subscribe(follow);
  return () => {
    unsubscribe();
    // Stopped mid-run (the bar closed): the run goes on in the history; the audience stops waiting.
    if (told !== "null") on.progress(null);
  };
}
