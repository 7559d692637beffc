import { describe, expect, it } from "vitest";
import { DEFAULT_FORM } from "@/lib/store/composer-form";
import { savedState, STATE_STORAGE } from "@/lib/store/persistence";
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
