/**
 * The owner's gallery side of shares: which selected results go into a share and what is sent
 * for each, and how clients' feedback maps back onto gallery images and runs.
 */
import { describe, expect, it } from "vitest";
import type { RunRecord } from "@/lib/history/run-record";
import { feedbackIndexOf, feedbackLabel } from "@/lib/shares/feedback-index";
import { ownedShareState, type OwnedShare } from "@/lib/shares/owned-share";
import { shareImagesOf, suggestedTitle } from "@/lib/shares/share-input";

const run = (id: string, urls: string[], change: Partial<RunRecord> = {}): RunRecord => ({
  id,
  input: {
    prompt: "a red door",
    reference_image_urls: ["https://v3.fal.media/ref.png", "data:image/png;base64,AAAA"],
    num_inference_steps: 20,
  },
  endpointId: "fal-ai/hidream-o1-image",
  phase: "completed",
  output: {
    images: urls.map((url) => ({ url, width: 2560, height: 1440, content_type: "image/png" })),
    seed: 42,
    has_nsfw_concepts: urls.map(() => false),
    prompt: "a red door",
    timings: {},
  },
  submittedAt: 1,
  ...change,
});

describe("a share's images from the selection", () => {
  it("sends each image with its recipe in words, and numbers them in order", () => {
    const runs = [run("r1", ["https://v3.fal.media/a.png", "https://v3.fal.media/b.png"])];
    const pick = shareImagesOf(runs, ["r1:1", "r1:0"]);
    expect(pick.refs).toEqual([
      { key: "r1:1", imageId: "0" },
      { key: "r1:0", imageId: "1" },
    ]);
    expect(pick.images[0]).toEqual({
      url: "https://v3.fal.media/b.png",
      width: 2560,
      height: 1440,
      contentType: "image/png",
      prompt: "a red door",
      parameters: { Model: "Full", Size: "2560 × 1440", Steps: "20", Guidance: "5" },
      seed: 42,
      model: "HiDream-O1 Full",
      // The data: reference is dropped: a client's browser could not be sent it.
      referenceUrls: ["https://v3.fal.media/ref.png"],
    });
  });

  it("leaves out inline results and what passes the per-share limit, and says how many", () => {
    const urls = Array.from({ length: 62 }, (_, i) => `https://v3.fal.media/${i}.png`);
    const runs = [run("big", urls), run("sync", ["data:image/png;base64,AAAA"])];
    const keys = [...urls.map((_, i) => `big:${i}`), "sync:0"];
    const pick = shareImagesOf(runs, keys);
    expect(pick.images).toHaveLength(60);
    expect(pick).toMatchObject({ over: 2, inline: 1, flagged: 0 });
    expect(pick.refs.at(-1)).toEqual({ key: "big:59", imageId: "59" });
  });

  it("suggests the first prompt as the title, cut at a word", () => {
    expect(suggestedTitle("  a   red door ")).toBe("a red door");
    const long = suggestedTitle("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith("word…")).toBe(true);
  });
});

const share = (change: Partial<OwnedShare> = {}): OwnedShare => ({
  id: "S1",
  secret: "s",
  title: "Doors",
  path: "/s/S1",
  createdAt: 0,
  expiresAt: null,
  images: [
    { key: "run-a:0", imageId: "0" },
    { key: "run-a:1", imageId: "1" },
  ],
  seenFeedback: 0,
  lastSummary: {
    id: "S1",
    state: "open",
    feedback: {
      marks: [
        { imageId: "0", reviewerId: "x", mark: "approved", at: 1 },
        { imageId: "0", reviewerId: "y", mark: "changes", at: 2 },
        { imageId: "1", reviewerId: "x", mark: null, at: 3 },
      ],
      comments: [
        { id: "c2", imageId: "1", reviewerId: "y", name: "Ana", text: "Later", at: 20 },
        { id: "c1", imageId: "0", reviewerId: "x", text: "Earlier", at: 10 },
      ],
    },
  },
  ...change,
});

describe("feedback in the gallery", () => {
  it("counts marks and comments per image, over every share that holds it", () => {
    const other = share({
      id: "S2",
      images: [{ key: "run-a:0", imageId: "0" }],
      lastSummary: {
        id: "S2",
        state: "open",
        feedback: {
          marks: [{ imageId: "0", reviewerId: "z", mark: "approved", at: 5 }],
          comments: [],
        },
      },
    });
    const index = feedbackIndexOf([share(), other]);
    expect(index.byImage.get("run-a:0")).toEqual({ approved: 2, changes: 1, comments: 1 });
    expect(index.byImage.get("run-a:1")).toEqual({ approved: 0, changes: 0, comments: 1 });
  });

  it("lists a run's comments oldest first, with the image each is about", () => {
    const comments = feedbackIndexOf([share()]).commentsByRun.get("run-a");
    expect(comments?.map((c) => [c.text, c.imageIndex, c.name])).toEqual([
      ["Earlier", 0, undefined],
      ["Later", 1, "Ana"],
    ]);
  });

  it("builds the index once per list of shares, so selectors return the same object", () => {
    const shares = [share()];
    expect(feedbackIndexOf(shares)).toBe(feedbackIndexOf(shares));
    expect(feedbackIndexOf([...shares])).not.toBe(feedbackIndexOf(shares));
  });

  it("reads the counts as one sentence", () => {
    expect(feedbackLabel({ approved: 2, changes: 1, comments: 3 })).toBe(
      "2 approved, 1 needs changes, 3 comments from clients",
    );
  });

  it("shows a share as expired once its time passes, before the next status call", () => {
    expect(ownedShareState(share({ expiresAt: 100 }), 99)).toBe("open");
    expect(ownedShareState(share({ expiresAt: 100 }), 100)).toBe("expired");
    expect(ownedShareState(share({ expiresAt: null }), 1e15)).toBe("open");
  });
});
