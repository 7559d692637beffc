import { describe, expect, it } from "vitest";
import {
  gridBlocker,
  MAX_GRID_CELLS,
  parsePromptVariants,
  parseSeedList,
  planGrid,
  randomSeeds,
} from "@/lib/grid/plan";
import { createPacer, runBounded } from "@/lib/grid/runner";

const BASE = {
  prompt: "base",
  reference_image_urls: ["https://v3.fal.media/a.png"],
  num_inference_steps: 12,
  guidance_scale: 0,
};

describe("planning a variation grid", () => {
  it("lays 2 prompts × 3 seeds out as 2 rows of 3, each cell priced", () => {
    const plan = planGrid(BASE, "dev", {
      prompts: ["a red door", "a blue door"],
      seeds: [1, 2, 3],
      models: ["dev"],
      sizes: [{ width: 2048, height: 2048 }],
    });
    expect(plan.rows).toEqual(["a red door", "a blue door"]);
    expect(plan.cols).toEqual(["seed 1", "seed 2", "seed 3"]);
    expect(plan.cells.map((c) => [c.row, c.col, c.prompt, c.seed])).toEqual([
      [0, 0, "a red door", 1],
      [0, 1, "a red door", 2],
      [0, 2, "a red door", 3],
      [1, 0, "a blue door", 1],
      [1, 1, "a blue door", 2],
      [1, 2, "a blue door", 3],
    ]);
    expect(plan.cells[0]!.input).toMatchObject({
      prompt: "a red door",
      seed: 1,
      num_inference_steps: 12,
    });
    expect(plan.totalUsd).toBeCloseTo(6 * 0.021, 3);
  });

  it("gives cells on the other model that model's steps and guidance, at its price", () => {
    const plan = planGrid(BASE, "dev", {
      prompts: ["p"],
      seeds: [1, 2],
      models: ["dev", "full"],
      sizes: ["landscape_16_9"],
    });
    expect(plan.rows).toEqual(["Dev", "Full"]);
    expect(plan.cols).toEqual(["seed 1", "seed 2"]);
    const full = plan.cells.filter((c) => c.model === "full");
    expect(full[0]!.input).toMatchObject({ num_inference_steps: 50, guidance_scale: 5 });
    expect(full[0]!.costUsd).toBeCloseTo(2 * plan.cells[0]!.costUsd, 6);
  });

  it("puts several varying axes after the first into the columns", () => {
    const plan = planGrid(BASE, "dev", {
      prompts: ["a", "b"],
      seeds: [1, 2],
      models: ["dev", "full"],
      sizes: ["square", "landscape_16_9"],
    });
    expect(plan.cells).toHaveLength(16);
    expect(plan.rows).toEqual(["a", "b"]);
    expect(plan.cols[0]).toBe("Dev · square → 2048 × 2048 · seed 1");
    expect(new Set(plan.cells.map((c) => `${c.row}:${c.col}`)).size).toBe(16);
  });

  it("says which cells cannot run, and why a grid may not go", () => {
    const textOnly = { prompt: "p" };
    const plan = planGrid(textOnly, "full", {
      prompts: ["p"],
      seeds: [1],
      models: ["dev", "full"],
      sizes: [{ width: 2048, height: 2048 }],
    });
    expect(plan.cells.find((c) => c.model === "dev")?.problem).toMatch(/reference/);
    expect(gridBlocker(plan.cells, null)).toMatch(/A Dev cell cannot run/);
    const fine = plan.cells.filter((c) => c.model === "full");
    expect(gridBlocker(fine, null)).toBeUndefined();
    expect(gridBlocker(fine, 0.01)).toMatch(/more than the \$0\.010 left/);
    expect(gridBlocker([], null)).toBe("Choose at least one cell.");
    const many = Array.from({ length: MAX_GRID_CELLS + 1 }, () => fine[0]!);
    expect(gridBlocker(many, null)).toMatch(/at most 48/);
  });

  it("reads seeds and prompt variants as a person types them", () => {
    expect(parseSeedList("1, 2 3\n3;4")).toEqual([1, 2, 3, 4]);
    expect(parseSeedList("1 x")).toMatch(/“x” is not a seed/);
    expect(parseSeedList("-1")).toMatch(/not a seed/);
    expect(parseSeedList(" ")).toMatch(/at least one/);
    expect(parsePromptVariants("a\n\n b \na")).toEqual(["a", "b"]);
    const seeds = randomSeeds(20);
    expect(new Set(seeds).size).toBe(20);
  });
});

describe("sending a grid", () => {
  it("never has more than the bound in flight, and ends every run", async () => {
    let inFlight = 0;
    let most = 0;
    const ended: string[] = [];
    const ids = Array.from({ length: 12 }, (_, i) => `run-${i}`);
    await runBounded(
      ids,
      async (id) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 10));
        inFlight--;
        ended.push(id);
      },
      { concurrency: 4 },
    );
    expect(most).toBe(4);
    expect(ended.sort()).toEqual([...ids].sort());
  });

  it("paces submits to the runs-per-minute limit, per clock minute", async () => {
    let now = Date.UTC(2026, 11, 1, 12, 0, 10);
    const slept: number[] = [];
    const pacer = createPacer(
      () => ({ limit: 3, used: 1, resetsAt: Date.UTC(2026, 11, 1, 12, 1) }),
      {
        now: () => now,
        sleep: async (ms) => {
          slept.push(ms);
          now += ms;
        },
      },
    );
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      await pacer.acquire();
      times.push(now);
    }
    const minuteOf = (t: number) => new Date(t).getUTCMinutes();
    // One used already: two more this minute, then three the next, then the rest.
    expect(times.map(minuteOf)).toEqual([0, 0, 1, 1, 1, 2]);
    expect(slept).toHaveLength(2);
  });

  it("lets everything through at once when there is no limit", async () => {
    const pacer = createPacer(() => ({ limit: null, used: 0, resetsAt: 0 }));
    await Promise.all(Array.from({ length: 50 }, () => pacer.acquire()));
  });
});
