/** Opening an inline (sync mode) result: only an image keeps its type in the tab it opens. */
import { describe, expect, it } from "vitest";
import { inlineImageBlob } from "@/components/gallery/download";

const base64 = (text: string) => Buffer.from(text).toString("base64");

describe("an inline result opened in a tab", () => {
  it.each(["image/png", "image/jpeg", "image/webp", "image/gif", "IMAGE/PNG"])(
    "keeps %s",
    async (type) => {
      const blob = inlineImageBlob(`data:${type};base64,${base64("bytes")}`);
      expect(blob.type).toBe(type.toLowerCase());
      expect(await blob.text()).toBe("bytes");
    },
  );

  it.each([
    "text/html",
    "image/svg+xml",
    "application/xhtml+xml",
    "text/xml",
    "application/pdf",
    "",
  ])("never opens %s as itself", (type) => {
    const blob = inlineImageBlob(`data:${type};base64,${base64("<script>alert(1)</script>")}`);
    expect(blob.type).toBe("image/png");
  });
});
