import { describe, expect, it, vi } from "vitest";
import { inlineImageUrls } from "@/lib/presenter/inline-images";

describe("inline results for the audience window", () => {
  it("stands a blob URL in for a data URL, once, and frees them all at the end", async () => {
    let made = 0;
    const blobs: Blob[] = [];
    const revoke = vi.fn();
    const urls = inlineImageUrls((blob) => {
      blobs.push(blob);
      return `blob:test/${++made}`;
    }, revoke);
    const src = `data:image/png;base64,${btoa("PNGDATA")}`;
    expect(urls.urlFor(src)).toBe("blob:test/1");
    expect(urls.urlFor(src)).toBe("blob:test/1");
    expect(blobs[0]?.type).toBe("image/png");
    expect(await blobs[0]?.text()).toBe("PNGDATA");
    urls.revokeAll();
    expect(revoke).toHaveBeenCalledWith("blob:test/1");
  });

  it("leaves addresses as they are", () => {
    const urls = inlineImageUrls();
    expect(urls.urlFor("https://v3.fal.media/a.png")).toBe("https://v3.fal.media/a.png");
    expect(urls.urlFor("/api/demo-fal/files/a/b.png")).toBe("/api/demo-fal/files/a/b.png");
  });
});
