/**
 * Building a presentation's deck: each source gives presentable results in gallery order (runs as
 * listed, newest first, then image index), and the dialog offers the first source that has any.
 */
import { describe, expect, it } from "vitest";
import type { RunRecord } from "@/lib/history/run-record";
import { NO_STAR_FILTER } from "@/lib/gallery/star-filter";
import {
  deckFrom,
  defaultSource,
  findSlide,
  shownKeys,
  starredKeys,
  veiledCount,
} from "@/lib/presenter/deck";

function run(id: string, change: Partial<RunRecord> & { urls?: string[] } = {}): RunRecord {
  const { urls = ["https://v3.fal.media/a.png", "https://v3.fal.media/b.png"], ...rest } = change;
  return {
    id,
    input: { prompt: `prompt ${id}` },
    phase: "completed",
    output: {
      images: urls.map((url) => ({ url })),
      seed: 1,
      has_nsfw_concepts: urls.map(() => false),
      prompt: `prompt ${id}`,
      timings: {},
    },
    submittedAt: 0,
    ...rest,
  };
}

// Newest first, as the store lists them.
const RUNS: RunRecord[] = [
  run("new", { starred: [1] }),
  run("running", { phase: "running", output: undefined }),
  run("failed", { phase: "failed", starred: [0] }),
  run("old", { starred: [0, 1], urls: ["https://v3.fal.media/c.png", ""] }),
];

describe("deckFrom", () => {
  it("gives the starred results in gallery order, only completed ones with a URL", () => {
    expect(starredKeys(RUNS)).toEqual(["new:1", "old:0"]);
    expect(deckFrom(RUNS, "starred", [])).toEqual(["new:1", "old:0"]);
  });

  it("puts the selection in gallery order and drops what cannot be a slide", () => {
    const selection = ["old:0", "failed:0", "new:0", "gone:0", "old:1"];
    expect(deckFrom(RUNS, "selection", selection)).toEqual(["new:0", "old:0"]);
  });

  it("gives everything shown, or only the starred ones (and the kept) in the Starred only view", () => {
    expect(deckFrom(RUNS, "shown", [])).toEqual(["new:0", "new:1", "old:0"]);
    const view = { starredOnly: true, kept: ["new:0"] };
    expect(deckFrom(RUNS, "shown", [], view)).toEqual(["new:0", "new:1", "old:0"]);
    expect(deckFrom(RUNS, "shown", [], { starredOnly: true, kept: [] })).toEqual([
      "new:1",
      "old:0",
    ]);
  });

  it("leaves flagged images out of everything shown, but not out of the starred or selected", () => {
    const flagged = run("flagged", { starred: [0] });
    flagged.output!.has_nsfw_concepts = [true, false];
    expect(shownKeys([flagged], NO_STAR_FILTER)).toEqual(["flagged:1"]);
    expect(veiledCount([flagged], NO_STAR_FILTER)).toBe(1);
    expect(deckFrom([flagged], "starred", [])).toEqual(["flagged:0"]);
    expect(deckFrom([flagged], "selection", ["flagged:0"])).toEqual(["flagged:0"]);
  });
});

describe("defaultSource", () => {
  it("offers the selection, else the starred, else everything shown", () => {
    expect(defaultSource({ selection: 2, starred: 3, shown: 9 })).toBe("selection");
    expect(defaultSource({ selection: 0, starred: 3, shown: 9 })).toBe("starred");
    expect(defaultSource({ selection: 0, starred: 0, shown: 9 })).toBe("shown");
  });
});

describe("findSlide", () => {
  it("finds a key's run and image, and nothing for a key naming none", () => {
    expect(findSlide(RUNS, "old:0")).toMatchObject({ run: { id: "old" }, index: 0 });
    expect(findSlide(RUNS, "old:5")).toBeUndefined();
    expect(findSlide(RUNS, "gone:0")).toBeUndefined();
    expect(findSlide(RUNS, "nocolon")).toBeUndefined();
  });
});
