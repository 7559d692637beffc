/**
 * Reading a history file someone else may have made: every run it accepts renders as a run card,
 * and every run the gallery could not render is skipped and counted, never stored. One malformed
 * run once broke the page on every load, with the buttons to get out of it on the broken page.
 */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RunCard } from "@/components/runs/run-card";
import { HISTORY_FORMAT, parseHistoryFile } from "@/lib/history/history-file";

const REF = "https://v3.fal.media/files/a.png";
const IMAGE = { url: "https://v3.fal.media/files/x.png", width: 1024, height: 1024 };
const OUTPUT = {
  images: [IMAGE],
  seed: 1,
  has_nsfw_concepts: [false],
  prompt: "p",
  timings: { inference: 1 },
};
const good = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  submittedAt: 1_700_000_000_000,
  phase: "completed",
  input: { prompt: "p", reference_image_urls: [REF] },
  output: OUTPUT,
  ...extra,
});
const file = (runs: unknown[], shares: unknown[] = []) =>
  JSON.stringify({ format: HISTORY_FORMAT, version: 4, exportedAt: "x", runs, shares });

function parsed(runs: unknown[], shares: unknown[] = []) {
  const result = parseHistoryFile(file(runs, shares), 4);
  if ("error" in result) throw new Error(result.error);
  return result;
}

const renders = (run: Parameters<typeof RunCard>[0]["run"]) =>
  renderToString(createElement(RunCard, { run }));

describe("importing a history file made elsewhere", () => {
  // Each would have thrown while rendering, on every load of the page.
  const broken: [string, Record<string, unknown>][] = [
    ["an empty output", { output: {} }],
    ["an image without a URL", { output: { ...OUTPUT, images: [{}] } }],
    ["a null image", { output: { ...OUTPUT, images: [null] } }],
    ["images that are not a list", { output: { ...OUTPUT, images: "abc" } }],
    ["a phase the app does not have", { phase: "bogus" }],
    ["an error that is only words", { phase: "failed", output: undefined, error: "boom" }],
    ["a javascript: result", { output: { ...OUTPUT, images: [{ url: "javascript:alert(1)" }] } }],
    [
      "an inline page as a result",
      { output: { ...OUTPUT, images: [{ url: "data:text/html,x" }] } },
    ],
    ["references that are not a list", { input: { prompt: "p", reference_image_urls: "abc" } }],
    [
      "a size the endpoint does not take",
      { input: { prompt: "p", image_size: {}, reference_image_urls: [REF] } },
    ],
    [
      "a count that is an object",
      { input: { prompt: "p", num_images: { x: 1 }, reference_image_urls: [REF] } },
    ],
    ["no prompt", { input: { reference_image_urls: [REF] } }],
    ["a time no Date can hold", { submittedAt: 1e20 }],
    ["a run still on its way", { phase: "running" }],
  ];

  it.each(broken)("skips a run with %s, and counts it", (_, extra) => {
    const result = parsed([good("ok"), good("bad", extra)]);
    expect(result.runs.map((r) => r.run.id)).toEqual(["ok"]);
    expect(result.skipped).toBe(1);
  });

  // Each is repaired or read leniently, and renders.
  const lenient: [string, Record<string, unknown>][] = [
    [
      "an error code this version does not know",
      { phase: "failed", output: undefined, error: { code: "nope" } },
    ],
    [
      "an old error whose title is __proto__",
      { phase: "failed", output: undefined, error: { title: "__proto__", message: "m" } },
    ],
    ["an unknown endpoint", { endpointId: "bogus" }],
    ["times that are words", { startedAt: "x", completedAt: "y" }],
    ["safety flags that are not a list", { output: { ...OUTPUT, has_nsfw_concepts: null } }],
    ["timings that are not a map", { output: { ...OUTPUT, timings: null } }],
    ["a grid of the wrong shape", { grid: { id: 1, row: "a" } }],
    ["stars that name no image", { starred: [5, -1, "x"] }],
    [
      "unknown input fields",
      { input: { prompt: "p", reference_image_urls: [REF], evil: { a: 1 } } },
    ],
    [
      "an inline PNG result",
      { output: { ...OUTPUT, images: [{ url: "data:image/png;base64,iVBORw0KGgo=" }] } },
    ],
  ];

  it.each(lenient)("reads a run with %s, and it renders", (_, extra) => {
    const result = parsed([good("run", extra)]);
    expect(result.skipped).toBe(0);
    const { run, logs } = result.runs[0]!;
    expect(Object.hasOwn(run.input, "evil")).toBe(false);
    expect(renders({ ...run, logs, logsLoaded: true })).toContain("<");
  });

  it("keeps only well-formed log lines, and no more than a run keeps", () => {
    const lines = Array.from({ length: 300 }, (_, i) => ({
      message: `line ${i}`,
      level: "INFO",
      timestamp: String(i).padStart(4, "0"),
    }));
    const result = parsed([good("run", { logs: [...lines, { message: { a: 1 } }, null, "x"] })]);
    expect(result.runs[0]!.logs).toHaveLength(200);
    expect(result.runs[0]!.logs.every((l) => typeof l.message === "string")).toBe(true);
  });

  it("takes a share's link only as the path the app made", () => {
    const share = (path: string) => ({
      id: "s1",
      secret: "secret",
      title: "t",
      path,
      createdAt: 1,
      expiresAt: null,
      images: [],
    });
    const result = parsed(
      [],
      [
        share("/s/AAAAAAAAAAAAAAAAAAAAAA"),
        share("https://evil.example/s/AAAAAAAAAAAAAAAAAAAAAA"),
        share("//evil.example/s/AAAAAAAAAAAAAAAAAAAAAA"),
        share("/s/AAAAAAAAAAAAAAAAAAAAAA/../../x"),
        share("javascript:alert(1)"),
      ],
    );
    expect(result.shares.map((s) => s.path)).toEqual(["/s/AAAAAAAAAAAAAAAAAAAAAA"]);
    expect(result.skipped).toBe(4);
  });
});
