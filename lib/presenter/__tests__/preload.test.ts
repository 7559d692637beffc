import { describe, expect, it, vi } from "vitest";
import { createPreloader, type DecodedImage } from "@/lib/presenter/preload";

const image = (side: number): DecodedImage => ({ naturalWidth: side, naturalHeight: side });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the stage's image preloader", () => {
  it("decodes each image once and says when it is ready", async () => {
    const load = vi.fn(async () => image(10));
    const images = createPreloader(load);
    expect(images.peek("a")).toBeUndefined();
    const first = images.preload("a");
    expect(images.peek("a")).toBeUndefined();
    await expect(first).resolves.toEqual(image(10));
    await images.preload("a");
    expect(load).toHaveBeenCalledTimes(1);
    expect(images.peek("a")).toEqual({ state: "ready", image: image(10) });
  });

  it("forgets the least recently used image beyond its bound", async () => {
    const load = vi.fn(async () => image(1));
    const images = createPreloader(load, 2);
    await images.preload("a");
    await images.preload("b");
    await images.preload("a");
    await images.preload("c");
    expect(images.peek("b")).toBeUndefined();
    expect(images.peek("a")?.state).toBe("ready");
    await images.preload("b");
    expect(load).toHaveBeenCalledTimes(4);
  });

  it("reports a failure, and tries again when asked again", async () => {
    const load = vi
      .fn<(src: string) => Promise<DecodedImage>>()
      .mockRejectedValueOnce(new Error("404"))
      .mockResolvedValueOnce(image(5));
    const images = createPreloader(load);
    await expect(images.preload("a")).rejects.toThrow("404");
    await settle();
    expect(images.peek("a")).toEqual({ state: "failed" });
    await expect(images.preload("a")).resolves.toEqual(image(5));
  });
});

describe("the preloader as an external store", () => {
  it("tells subscribers when an image settles and when one is forgotten", async () => {
    const images = createPreloader(async () => image(1), 1);
    const onChange = vi.fn();
    const unsubscribe = images.subscribe(onChange);
    await images.preload("a");
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    images.preload("b");
    expect(onChange).toHaveBeenCalledTimes(2);
    unsubscribe();
    await settle();
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
