/**
 * A presentation's slides, made from the run history: one result image each, with what the
 * presenter may say about it (prompt, parameters as the gallery words them, seed, cost, timings).
 */
import { costUsd, endpointOf } from "@/lib/endpoint";
import type { RunRecord } from "@/lib/history/run-record";
import { runTimings } from "@/lib/runs/run-timings";
import { shareParameters } from "@/lib/shares/share-input";
import type { Slide } from "./types";

export type SlideRun = Pick<
  RunRecord,
  "id" | "input" | "endpointId" | "output" | "submittedAt" | "startedAt" | "completedAt"
>;

// data: and blob: references are left out: a data: URL is megabytes cloned into every message to
// the audience window, and a blob: URL dies with the page that made it.
const isAddress = (url: string) => /^https?:\/\//i.test(url) || url.startsWith("/");

/** Splits a selection key `runId:imageIndex` (run ids may themselves hold colons). */
function parseKey(key: string): { runId: string; index: number } | null {
  const at = key.lastIndexOf(":");
  const index = Number(key.slice(at + 1));
  if (at <= 0 || !Number.isInteger(index) || index < 0) return null;
  return { runId: key.slice(0, at), index };
}

/** The slide for one result image (`runId:imageIndex`), or null when that image is not there. */
export function slideOf(runs: readonly SlideRun[], key: string): Slide | null {
  const parsed = parseKey(key);
  const run = parsed && runs.find((r) => r.id === parsed.runId);
  const image = parsed && run?.output?.images[parsed.index];
  if (!parsed || !run?.output || !image) return null;
  const spec = endpointOf(run);
  const parameters = Object.entries(shareParameters(run, image));
  const beforeSrc = run.input.reference_image_urls?.find(isAddress);
  const { width, height } = image;
  return {
    key,
    runId: run.id,
    index: parsed.index,
    src: image.url,
    ...(width !== undefined && { width }),
    ...(height !== undefined && { height }),
    ...(beforeSrc && { beforeSrc }),
    prompt: run.input.prompt,
    parameters,
    seed: run.output.seed,
    model: `HiDream-O1 ${spec.label}`,
    // Priced as the gallery prices it: on the size delivered, unknown when fal reported none.
    ...(width !== undefined &&
      height !== undefined && { costUsd: costUsd({ width, height }, 1, spec.model) }),
    ...(run.completedAt !== undefined && { timings: runTimings(run, run.completedAt) }),
  };
}

/**
 * The deck's slides in order, and each one's place in the deck. Keys whose image is gone (deleted,
 * not finished) are skipped, so the places say which deck entry a slide stands for.
 */
export function deckSlides(
  runs: readonly SlideRun[],
  deck: readonly string[],
): { slides: Slide[]; positions: number[] } {
  const byId = new Map(runs.map((run) => [run.id, run]));
  const slides: Slide[] = [];
  const positions: number[] = [];
  deck.forEach((key, at) => {
    const run = byId.get(parseKey(key)?.runId ?? "");
    const slide = run ? slideOf([run], key) : null;
    if (!slide) return;
    slides.push(slide);
    positions.push(at);
  });
  return { slides, positions };
}

/** The deck's slides in order; keys whose image is gone are skipped. */
export function slidesOf(runs: readonly SlideRun[], deck: readonly string[]): Slide[] {
  return deckSlides(runs, deck).slides;
}

/**
 * Which slide stands for deck entry `index`: the deck may name an image that is gone, and then
 * the stage shows the nearest slide before it (or the first) rather than nothing.
 */
export function slideIndexOf(positions: readonly number[], index: number): number {
  let found = 0;
  positions.forEach((at, i) => {
    if (at <= index) found = i;
  });
  return found;
}
