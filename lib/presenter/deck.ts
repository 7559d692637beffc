/**
 * Which results a presentation starts from, as slide keys (`runId:index`) in gallery order: the
 * runs as the store holds them (newest first), then image index, the order selection.ts keeps.
 * Only a completed run's images with a URL can be slides.
 */
import type { ImageFile } from "@/lib/endpoint";
import { NO_STAR_FILTER, showsImage, type StarFilter } from "@/lib/gallery/star-filter";
import type { RunRecord } from "@/lib/history/run-record";
import { isStarred } from "@/lib/history/stars";
import { selectionKey } from "@/lib/store/selection";

export type DeckSource = "selection" | "starred" | "shown";

type DeckRun = Pick<RunRecord, "id" | "phase" | "output" | "starred">;

const isFlagged = (run: DeckRun, index: number) => run.output?.has_nsfw_concepts[index] === true;

/** The keys of presentable images that `keep` accepts, in gallery order. */
function presentableKeys(
  runs: readonly DeckRun[],
  keep: (run: DeckRun, index: number) => boolean,
): string[] {
  return runs.flatMap((run) =>
    run.phase !== "completed"
      ? []
      : (run.output?.images ?? []).flatMap((image, i) =>
          image.url && keep(run, i) ? [selectionKey(run.id, i)] : [],
        ),
  );
}

/** Whether any result can be a slide: "Present…" has nothing to offer until one can. */
export function hasSlides(runs: readonly DeckRun[]): boolean {
  return runs.some(
    (run) => run.phase === "completed" && (run.output?.images ?? []).some((image) => image.url),
  );
}

/** Every starred result that can be a slide, in gallery order. */
export function starredKeys(runs: readonly DeckRun[]): string[] {
  return presentableKeys(runs, isStarred);
}

/**
 * Everything the gallery shows under `filter`, in gallery order. Images the safety checker flagged
 * are left out: the gallery shows them veiled, and a presentation is seen by others. Selecting or
 * starring one is how to present it anyway.
 */
export function shownKeys(runs: readonly DeckRun[], filter: StarFilter): string[] {
  return presentableKeys(runs, (run, i) => showsImage(run, i, filter) && !isFlagged(run, i));
}

/** How many flagged images "everything shown" leaves out, to say so beside the choice. */
export function veiledCount(runs: readonly DeckRun[], filter: StarFilter): number {
  return presentableKeys(runs, (run, i) => showsImage(run, i, filter) && isFlagged(run, i)).length;
}

/** The slides a source gives, in gallery order; the selection's keys not presentable are dropped. */
export function deckFrom(
  runs: readonly DeckRun[],
  source: DeckSource,
  selection: readonly string[],
  filter: StarFilter = NO_STAR_FILTER,
): string[] {
  if (source === "starred") return starredKeys(runs);
  if (source === "shown") return shownKeys(runs, filter);
  const chosen = new Set(selection);
  return presentableKeys(runs, (run, i) => chosen.has(selectionKey(run.id, i)));
}

/** The source offered first: the selection if any, else the starred, else everything shown. */
export function defaultSource(sizes: Record<DeckSource, number>): DeckSource {
  if (sizes.selection > 0) return "selection";
  return sizes.starred > 0 ? "starred" : "shown";
}

/** The run and image a slide key names, or undefined when it names none (a run deleted since). */
export function findSlide<R extends DeckRun>(
  runs: readonly R[],
  key: string,
): { run: R; image: ImageFile; index: number } | undefined {
  const at = key.lastIndexOf(":");
  const index = Number(key.slice(at + 1));
  const run = runs.find((r) => r.id === key.slice(0, at));
  const image = run?.output?.images[index];
  return run && image && at > 0 ? { run, image, index } : undefined;
}
