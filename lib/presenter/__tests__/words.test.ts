import { describe, expect, it } from "vitest";
import {
  elapsedWords,
  progressFraction,
  progressWords,
  slideAnnouncement,
} from "@/lib/presenter/words";
import { sweepAt, SWEEP_MS } from "@/lib/presenter/wipe-sweep";

describe("what the presenter says", () => {
  it("announces the slide, with the caption and the wipe when they are on", () => {
    expect(slideAnnouncement(2, 5, 0, false)).toBe("Slide 2 of 5");
    expect(slideAnnouncement(1, 3, 2, true)).toBe(
      "Slide 1 of 3. Caption: prompt and parameters. Before and after",
    );
  });

  it("words a live edit's progress calmly, from the queue to the end", () => {
    expect(progressWords({ phase: "queued", position: 3 })).toBe("Waiting in line: 3 ahead");
    expect(progressWords({ phase: "queued", position: 0 })).toBe("Starting…");
    expect(progressWords({ phase: "running", step: 12, steps: 28 })).toBe("Step 12 of 28");
    expect(progressWords({ phase: "running" })).toBe("Drawing…");
    expect(progressWords({ phase: "finishing" })).toBe("Almost there…");
  });

  it("knows how far along a live edit is only once it has steps", () => {
    expect(progressFraction({ phase: "queued", position: 1 })).toBeUndefined();
    expect(progressFraction({ phase: "running", step: 7, steps: 28 })).toBe(0.25);
    expect(progressFraction({ phase: "finishing" })).toBe(1);
  });
});

describe("the presenter's elapsed time", () => {
  it("counts minutes and seconds, and hours once there are any", () => {
    expect(elapsedWords(0)).toBe("0:00");
    expect(elapsedWords(245_900)).toBe("4:05");
    expect(elapsedWords(3_729_000)).toBe("1:02:09");
  });
});

describe("the wipe's sweep", () => {
  it("goes from all before to all after and back in one loop", () => {
    expect(sweepAt(0)).toBe(0);
    expect(sweepAt(SWEEP_MS / 4)).toBeCloseTo(0.5);
    expect(sweepAt(SWEEP_MS / 2)).toBe(1);
    expect(sweepAt(SWEEP_MS)).toBe(0);
    expect(sweepAt(SWEEP_MS * 1.5)).toBe(1);
  });
});
