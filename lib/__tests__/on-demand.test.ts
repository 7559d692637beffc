import { describe, expect, it, vi } from "vitest";
import { onDemand } from "@/lib/on-demand";

describe("a module loaded on demand", () => {
  it("loads nothing until asked, then once however often it is asked", async () => {
    const load = vi.fn(async () => ({ Panel: "panel" }));
    const lazy = onDemand(load);
    expect(load).not.toHaveBeenCalled();
    expect(lazy.current()).toBeUndefined();
    await Promise.all([lazy.preload(), lazy.preload()]);
    await lazy.preload();
    expect(load).toHaveBeenCalledTimes(1);
    expect(lazy.current()).toEqual({ Panel: "panel" });
  });

  it("tries again after a failed load", async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error("chunk failed"))
      .mockResolvedValueOnce("module");
    const lazy = onDemand(load);
    await expect(lazy.preload()).rejects.toThrow("chunk failed");
    expect(lazy.current()).toBeUndefined();
    await expect(lazy.preload()).resolves.toBe("module");
    expect(lazy.current()).toBe("module");
  });
});
