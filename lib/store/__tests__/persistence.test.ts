import { describe, expect, it } from "vitest";
import { DEFAULT_FORM } from "@/lib/store/composer-form";
import { persistOptions, savedState, STATE_STORAGE } from "@/lib/store/persistence";
import type { PlaygroundState } from "@/lib/store/playground-store";

describe("what survives a reload", () => {
  it("saves the composer's work and ready references by URL, nothing transient", () => {
    const state = {
      prompt: "a red door",
      form: DEFAULT_FORM,
      serverErrors: { seed: "Too big." },
      notices: ["x.heic is not supported"],
      references: [
        {
          id: "a",
          name: "a.png",
          source: "file",
          status: "ready",
          url: "https://v3.fal.media/a.png",
          previewUrl: "blob:a",
        },
        { id: "b", name: "b.png", source: "file", status: "uploading", previewUrl: "blob:b" },
      ],
      runs: [{ id: "r" }],
      historyLoaded: true,
      limits: { runsPerMinute: null, dailyBudget: null, store: "memory" },
      limitsCheckedAt: 1,
    } as unknown as PlaygroundState;
    expect(savedState(state)).toEqual({
      prompt: "a red door",
      form: DEFAULT_FORM,
      references: [
        {
          id: "a",
          name: "a.png",
          source: "file",
          url: "https://v3.fal.media/a.png",
          original: undefined,
          prepared: undefined,
        },
      ],
    });
  });

  it("gives a reason for every key, saved or not", () => {
    for (const [key, rule] of Object.entries(STATE_STORAGE)) {
      expect(rule.why.length, key).toBeGreaterThan(10);
    }
  });
});

describe("what a reload restores", () => {
  const current = {
    prompt: "",
    form: DEFAULT_FORM,
    references: [],
  } as unknown as PlaygroundState;

  it("restores nothing the page cannot hold, from a store kept by an older version or by hand", () => {
    const restored = persistOptions.merge!(
      {
        prompt: { a: 1 },
        form: { numImages: { x: 1 }, sizeChoice: "bogus", model: "flux" },
        references: [
          null,
          "x",
          { id: "a" },
          { id: "b", name: "b.png", url: "https://v3.fal.media/b.png", source: "url" },
        ],
      },
      current,
    );
    expect(restored.prompt).toBe("");
    expect(restored.form).toEqual(DEFAULT_FORM);
    expect(restored.references.map((r) => r.id)).toEqual(["b"]);
    expect(persistOptions.merge!({ references: "abc" }, current).references).toEqual([]);
  });
});
