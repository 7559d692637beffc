import { describe, expect, it } from "vitest";
import { FileStore, servedFileHeaders, type StorageLimits } from "@/lib/emulator/file-store";
import { HttpError } from "@/lib/emulator/http-error";

const MB = 1024 * 1024;
const LIMITS: StorageLimits = {
  maxBytes: 20 * MB,
  maxFiles: 50,
  maxPending: 10,
  maxPendingPerClient: 4,
  pendingTtlMs: 60_000,
  maxParts: 10_000,
};

const bytes = (size: number) => new Uint8Array(size);

function refusal(action: () => unknown): HttpError {
  try {
    action();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("demo storage bounds", () => {
  it("counts multipart parts against the byte budget and refuses what does not fit", () => {
    const store = new FileStore(LIMITS);
    const tokens = [0, 1, 2].map(() => store.initiate("image/png", "a.png").token);
    store.putPart(tokens[0]!, 1, bytes(10 * MB));
    store.putPart(tokens[1]!, 1, bytes(9 * MB));
    const full = refusal(() => store.putPart(tokens[2]!, 1, bytes(5 * MB)));
    expect(full.status).toBe(507);
    expect(full.message).toMatch(/storage is full.*DEMO_STORAGE_MB/);
    expect(store.bytesHeld).toBeLessThanOrEqual(LIMITS.maxBytes);
  });

  it("makes room for new parts by dropping the oldest files, never unfinished parts", () => {
    const store = new FileStore(LIMITS);
    const first = store.add({ bytes: bytes(8 * MB), contentType: "image/png", fileName: "1.png" });
    const second = store.add({ bytes: bytes(8 * MB), contentType: "image/png", fileName: "2.png" });
    const { token } = store.initiate("image/png", "a.png");
    store.putPart(token, 1, bytes(10 * MB));
    expect(store.get(first)).toBeUndefined();
    expect(store.get(second)).toBeDefined();
    expect(store.bytesHeld).toBe(18 * MB);
  });

  it("does not count a part twice when it is sent again", () => {
    const store = new FileStore(LIMITS);
    const { token } = store.initiate("image/png", "a.png");
    for (let i = 0; i < 5; i++) store.putPart(token, 3, bytes(6 * MB));
    expect(store.bytesHeld).toBe(6 * MB);
  });

  it.each([0, -1, 1.5, 10_001, Number.MAX_SAFE_INTEGER])("refuses part number %s", (n) => {
    const store = new FileStore(LIMITS);
    const { token } = store.initiate("image/png", "a.png");
    expect(refusal(() => store.putPart(token, n, bytes(1))).status).toBe(400);
  });

  it("drops unfinished uploads after their time, with their parts", () => {
    let now = 0;
    const store = new FileStore(LIMITS, () => now);
    const { token } = store.initiate("image/png", "a.png");
    store.putPart(token, 1, bytes(10 * MB));
    now = LIMITS.pendingTtlMs + 1;
    expect(store.pendingCount).toBe(0);
    expect(store.bytesHeld).toBe(0);
    expect(refusal(() => store.put(token, bytes(1), "image/png")).status).toBe(404);
  });

  it("bounds unfinished uploads per client and in all", () => {
    const store = new FileStore(LIMITS);
    for (let i = 0; i < LIMITS.maxPendingPerClient; i++) store.initiate("image/png", "a", "a");
    const mine = refusal(() => store.initiate("image/png", "a", "a"));
    expect(mine.status).toBe(429);
    expect(mine.message).toMatch(/You have 4 uploads in progress/);
    for (const client of ["b", "c"]) {
      for (let i = 0; i < LIMITS.maxPendingPerClient; i++) {
        if (store.pendingCount < LIMITS.maxPending) store.initiate("image/png", "a", client);
      }
    }
    expect(refusal(() => store.initiate("image/png", "a", "d")).message).toMatch(
      /10 uploads in progress, its limit/,
    );
  });

  it("refuses a single file larger than the whole budget", () => {
    const store = new FileStore(LIMITS);
    const { token } = store.initiate("image/png", "a.png");
    expect(refusal(() => store.put(token, bytes(21 * MB), "image/png")).status).toBe(413);
    expect(store.bytesHeld).toBe(0);
  });

  it("keeps at most maxFiles files, the newest", () => {
    const store = new FileStore({ ...LIMITS, maxFiles: 3 });
    const ids = [1, 2, 3, 4, 5].map((n) =>
      store.add({ bytes: bytes(10), contentType: "image/png", fileName: `${n}.png` }),
    );
    expect(store.fileCount).toBe(3);
    expect(ids.map((id) => store.get(id) !== undefined)).toEqual([false, false, true, true, true]);
  });

  it("joins parts in order and frees them once complete", () => {
    const store = new FileStore(LIMITS);
    const { token, fileId } = store.initiate("image/png", "a.png");
    store.putPart(token, 2, new Uint8Array([3, 4]));
    store.putPart(token, 1, new Uint8Array([1, 2]));
    store.complete(token, [2, 1]);
    expect([...store.get(fileId)!.bytes]).toEqual([1, 2, 3, 4]);
    expect(store.bytesHeld).toBe(4);
    expect(store.pendingCount).toBe(0);
  });
});

describe("what a stored file is served as", () => {
  it("keeps the type an upload was made for, and refuses a PUT that names another", () => {
    const store = new FileStore(LIMITS);
    for (const [declared, sent] of [
      ["image/png", "text/html"],
      ["image/png", "image/svg+xml"],
      ["image/jpeg", "application/xhtml+xml; charset=utf-8"],
      ["image/webp", "image/png"],
    ] as const) {
      const upload = store.initiate(declared, "a.png");
      const refused = refusal(() => store.put(upload.token, bytes(10), sent));
      expect(refused.status).toBe(400);
      expect(refused.message).toContain(declared);
      // The token still works with the right type.
      store.put(upload.token, bytes(10), `${declared.toUpperCase()}; charset=binary`);
      expect(store.get(upload.fileId)?.contentType).toBe(declared);
    }
    const silent = store.initiate("image/png", "b.png");
    store.put(silent.token, bytes(10), null);
    expect(store.get(silent.fileId)?.contentType).toBe("image/png");
  });

  it("shows only plain images in place; anything else downloads, and nothing can run", () => {
    for (const type of ["image/png", "image/jpeg", "image/webp", "image/gif", "image/avif"]) {
      const headers = servedFileHeaders(type);
      expect(headers["content-type"]).toBe(type);
      expect(headers["content-disposition"]).toBeUndefined();
    }
    for (const type of [
      "text/html",
      "image/svg+xml",
      "application/xhtml+xml",
      "text/xml",
      "application/javascript",
      "application/pdf",
      "image/SVG+XML; charset=utf-8",
      "",
    ]) {
      const headers = servedFileHeaders(type);
      expect(headers["content-type"]).toBe("application/octet-stream");
      expect(headers["content-disposition"]).toBe("attachment");
    }
    for (const type of ["image/png", "text/html"]) {
      const headers = servedFileHeaders(type);
      expect(headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
      expect(headers["x-content-type-options"]).toBe("nosniff");
    }
  });
});
