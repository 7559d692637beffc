import { describe, expect, it } from "vitest";
import { clampWindow, growDown, growUp, measuredHeight } from "../list-window";

const limits = { step: 12, max: 40 };

describe("growDown", () => {
  it("adds a step at the end while under the cap", () => {
    expect(growDown({ start: 0, end: 4 }, 10_000, limits)).toEqual({ start: 0, end: 16 });
  });

  it("stops at the end of the list", () => {
    expect(growDown({ start: 0, end: 4 }, 9, limits)).toEqual({ start: 0, end: 9 });
  });

  it("drops entries at the start once over the cap, so the window never holds more", () => {
    let window = { start: 0, end: 4 };
    for (let i = 0; i < 1000; i++) window = growDown(window, 10_000, limits);
    expect(window).toEqual({ start: 10_000 - 40, end: 10_000 });
  });

  it("keeps the entry holding focus rendered", () => {
    expect(growDown({ start: 0, end: 40 }, 10_000, limits, 3)).toEqual({ start: 3, end: 52 });
    expect(growDown({ start: 0, end: 40 }, 10_000, limits, 30)).toEqual({ start: 12, end: 52 });
  });

  it("lets focus left far behind go, so the window stays bounded", () => {
    // Kept once (a window of 49), then let go on the next step: never more than max + step.
    expect(growDown({ start: 3, end: 52 }, 10_000, limits, 3)).toEqual({ start: 24, end: 64 });
  });
});

describe("growUp", () => {
  it("adds a step at the start and drops at the end over the cap", () => {
    expect(growUp({ start: 100, end: 140 }, limits)).toEqual({ start: 88, end: 128 });
  });

  it("stops at the top", () => {
    expect(growUp({ start: 5, end: 20 }, limits)).toEqual({ start: 0, end: 20 });
  });

  it("keeps the entry holding focus rendered", () => {
    expect(growUp({ start: 100, end: 140 }, limits, 135)).toEqual({ start: 88, end: 136 });
  });
});

describe("clampWindow", () => {
  it("cuts the window to a shorter list, still showing a step of entries", () => {
    expect(clampWindow({ start: 30, end: 70 }, 35, 12)).toEqual({ start: 23, end: 35 });
    expect(clampWindow({ start: 30, end: 70 }, 5, 12)).toEqual({ start: 0, end: 5 });
  });

  it("leaves a window that fits alone", () => {
    expect(clampWindow({ start: 30, end: 70 }, 10_000, 12)).toEqual({ start: 30, end: 70 });
  });
});

describe("measuredHeight", () => {
  it("sums the measured entries of a range and counts unmeasured ones as nothing", () => {
    const keys = ["a", "b", "c", "d"];
    const heights = new Map([
      ["a", 100],
      ["b", 250],
      ["d", 40],
    ]);
    expect(measuredHeight(keys, 0, 2, heights)).toBe(350);
    expect(measuredHeight(keys, 1, 4, heights)).toBe(290);
    expect(measuredHeight(keys, 3, 99, heights)).toBe(40);
  });
});
