/**
 * The gallery's thumbnails over a fake route and an in-memory store: made once and kept, never
 * fetched again, the original used when none can be made, and a kept preview marked expired once
 * fal answers 410 for the original.
 */
import { describe, expect, it } from "vitest";
import { createThumbnails, RECHECK_MS, type ThumbnailDeps } from "@/lib/gallery/thumbnails";
import type { StoredThumbnail } from "@/lib/history/thumbnail-db";

const URL_1 = "https://v3.fal.media/files/a/out.png";

function setup(answer: (path: string) => Response) {
  const store = new Map<string, StoredThumbnail>();
  const fetched: string[] = [];
  const revoked: string[] = [];
  let now = 1_000;
  const deps: ThumbnailDeps = {
    load: async (key) => store.get(key),
    save: async (thumb) => void store.set(thumb.key, thumb),
    mark: async (key, gone, checkedAt) => {
      const stored = store.get(key);
      if (stored) store.set(key, { ...stored, gone, checkedAt });
    },
    fetch: async (path) => {
      fetched.push(path);
      return answer(path);
    },
    objectUrl: (blob) => `blob:${blob.size}`,
    revoke: (url) => void revoked.push(url),
    now: () => now,
  };
  return {
    store,
    fetched,
    revoked,
    deps,
    later: (ms: number) => {
      now += ms;
    },
  };
}

const webp = () =>
  new Response(new Blob(["tiny webp"]), { headers: { "content-type": "image/webp" } });

describe("gallery thumbnails", () => {
  it("makes a thumbnail once, keeps it with the run, and a new page reads it without fetching", async () => {
    const { store, fetched, deps } = setup(webp);
    const first = createThumbnails(deps);
    expect(await first.view("run-1:0", URL_1)).toEqual({ src: "blob:9", expired: false });
    expect(await first.view("run-1:0", URL_1)).toEqual({ src: "blob:9", expired: false });
    expect(first.peek("run-1:0")).toEqual({ src: "blob:9", expired: false });
    expect(fetched).toEqual([`/api/thumbnail?w=640&url=${encodeURIComponent(URL_1)}`]);
    expect(store.get("run-1:0")).toMatchObject({ runId: "run-1", url: URL_1 });

    const reloaded = createThumbnails(deps);
    expect(await reloaded.view("run-1:0", URL_1)).toEqual({ src: "blob:9", expired: false });
    expect(fetched).toHaveLength(1);
  });

  it("shows the original when the route refuses or fails, and keeps nothing", async () => {
    for (const response of [
      () => Response.json({ detail: "no" }, { status: 400 }),
      () => Response.json({ detail: "down" }, { status: 502 }),
      () => new Response("<html>", { headers: { "content-type": "text/html" } }),
    ]) {
      const { store, deps } = setup(response);
      expect(await createThumbnails(deps).view("run-1:0", URL_1)).toEqual({
        src: URL_1,
        expired: false,
      });
      expect(store.size).toBe(0);
    }
  });

  it("fetches nothing for an inline result", async () => {
    const { fetched, deps } = setup(webp);
    const inline = "data:image/png;base64,iVBORw0KGgo=";
    expect(await createThumbnails(deps).view("run-1:0", inline)).toEqual({
      src: inline,
      expired: false,
    });
    expect(fetched).toEqual([]);
  });

  it("says expired with no preview when the original is gone before a thumbnail was made", async () => {
    const { deps } = setup(() => new Response(null, { status: 410 }));
    expect(await createThumbnails(deps).view("run-1:0", URL_1)).toEqual({ expired: true });
  });

  it("checks a kept thumbnail's original at most every few hours, and keeps the preview once gone", async () => {
    let gone = false;
    const { store, fetched, deps, later } = setup((path) =>
      path.includes("check=1") ? new Response(null, { status: gone ? 410 : 204 }) : webp(),
    );
    const page = createThumbnails(deps);
    await page.view("run-1:0", URL_1);
    expect(await page.originalGone("run-1:0", URL_1)).toBe(false);
    expect(fetched.filter((p) => p.includes("check=1"))).toEqual([]); // just made: trusted

    later(RECHECK_MS + 1);
    gone = true;
    const next = createThumbnails(deps);
    expect(await next.view("run-1:0", URL_1)).toEqual({ src: "blob:9", expired: false });
    expect(await next.originalGone("run-1:0", URL_1)).toBe(true);
    expect(next.peek("run-1:0")).toEqual({ src: "blob:9", expired: true });
    expect(store.get("run-1:0")?.gone).toBe(true);

    const checks = fetched.filter((p) => p.includes("check=1")).length;
    const after = createThumbnails(deps);
    expect(await after.view("run-1:0", URL_1)).toEqual({ src: "blob:9", expired: true });
    expect(await after.originalGone("run-1:0", URL_1)).toBe(true);
    expect(fetched.filter((p) => p.includes("check=1"))).toHaveLength(checks);
  });

  it("never has more than three thumbnail requests in flight", async () => {
    let open = 0;
    let most = 0;
    const { deps } = setup(() => webp());
    const page = createThumbnails({
      ...deps,
      fetch: async (path) => {
        open++;
        most = Math.max(most, open);
        await new Promise((resolve) => setTimeout(resolve, 5));
        open--;
        return deps.fetch(path);
      },
    });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => page.view(`run-${i}:0`, `${URL_1}?${i}`)),
    );
    expect(most).toBe(3);
  });

  it("keeps at most `capacity` object URLs, letting go of the least recently shown", async () => {
    const { fetched, revoked, deps } = setup(webp);
    let made = 0;
    const set = createThumbnails({
      ...deps,
      capacity: 2,
      objectUrl: (blob) => `${deps.objectUrl(blob)}#${++made}`,
    });
    const url = (n: number) => `https://v3.fal.media/files/a/out-${n}.png`;
    const a = await set.view("run-a:0", url(1));
    const b = await set.view("run-b:0", url(2));
    expect(revoked).toEqual([]);
    set.peek("run-a:0"); // shown again: b is now the least recent
    await set.view("run-c:0", url(3));
    expect(revoked).toEqual([b.src]);
    expect(set.peek("run-b:0")).toBeUndefined();
    expect(set.peek("run-a:0")).toEqual(a);

    // Shown again later: made anew from the kept thumbnail, with no request.
    const again = await set.view("run-b:0", url(2));
    expect(again.src).not.toBe(b.src);
    expect(again.src).toMatch(/^blob:/);
    expect(fetched).toHaveLength(3);
    expect(revoked).toHaveLength(2);
    expect(new Set(revoked).size).toBe(2);
  });

  it("never revokes an original's URL shown when no thumbnail could be made", async () => {
    const { revoked, deps } = setup(() => Response.json({ detail: "down" }, { status: 502 }));
    const set = createThumbnails({ ...deps, capacity: 1 });
    await set.view("run-a:0", URL_1);
    await set.view("run-b:0", `${URL_1}?b`);
    await set.view("run-c:0", `${URL_1}?c`);
    expect(revoked).toEqual([]);
  });
});
