/**
 * "Download original" on a share page, through the route's own function: the original is relayed
 * as the client reads it, never held whole by the server, and downloads at once are capped per
 * client and in all, so a room of slow (or hostile) readers cannot fill the server's memory.
 */
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "share-download-"));
process.env.FAL_KEY = "";
process.env.REDIS_URL = "";
process.env.ACCESS_PASSWORD = "";
process.env.TRUSTED_IP_HEADER = "x-real-ip";

const { createShare } = await import("@/lib/shares/owner");
const { shareImageResponse } = await import("@/lib/shares/image-route");
const { embeddedBackend, EMBEDDED_BASE_PATH } = await import("@/lib/emulator/embedded");
const { DOWNLOAD_SLOTS, limitedBody } = await import("@/lib/shares/share-files");

const ORIGIN = "http://127.0.0.1:3000";
const MB = 1024 * 1024;
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A file in the embedded demo backend, uploaded as the browser does; its public path. */
async function demoFile(bytes: Uint8Array, contentType = "image/png"): Promise<string> {
  const base = `${ORIGIN}${EMBEDDED_BASE_PATH}`;
  const initiate = await embeddedBackend().handle(
    new Request(`${base}/storage/upload/initiate`, {
      method: "POST",
      body: JSON.stringify({ content_type: contentType, file_name: "big.png" }),
    }),
    { publicBase: base },
  );
  const { upload_url, file_url } = (await initiate.json()) as {
    upload_url: string;
    file_url: string;
  };
  const put = await embeddedBackend().handle(
    new Request(upload_url, { method: "PUT", body: bytes as BodyInit }),
    { publicBase: base, scope: "public" },
  );
  expect(put.status).toBe(200);
  return new URL(file_url).pathname;
}

async function shareOf(path: string): Promise<string> {
  const made = await createShare(
    { title: "Big originals", images: [{ url: path }] },
    { client: "owner", rules: { origin: ORIGIN, demo: true } },
  );
  return made.id;
}

const download = (id: string, ip: string, method = "GET") =>
  shareImageResponse(
    new Request(`${ORIGIN}/s/${id}/image/0/download`, {
      method,
      headers: { host: "127.0.0.1:3000", "x-real-ip": ip },
    }),
    { kind: "download", id, image: "0" },
  );

function noisy(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 4096) bytes[i] = (i / 4096) % 251;
  return bytes;
}

describe("downloading an original from a share", () => {
  it("sends the original whole, as an attachment of its own type", async () => {
    const bytes = noisy(3 * MB);
    const id = await shareOf(await demoFile(bytes));
    const response = await download(id, "10.0.0.1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Big originals-1\.png"$/,
    );
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(sha(new Uint8Array(await response.arrayBuffer()))).toBe(sha(bytes));
  });

  it("holds no copy of the file while slow clients read it", async () => {
    const size = 24 * MB;
    const id = await shareOf(await demoFile(noisy(size)));
    const before = process.memoryUsage().arrayBuffers;
    // Four clients, four downloads each, none reading yet: 16 × 24 MB if each were read whole.
    const opened = await Promise.all(
      Array.from({ length: 16 }, (_, i) => download(id, `10.0.1.${i % 4}`)),
    );
    try {
      expect(opened.map((r) => r.status)).toEqual(Array(16).fill(200));
      const grown = process.memoryUsage().arrayBuffers - before;
      expect(grown).toBeLessThan(size);
      // Each still reads to the end.
      const first = new Uint8Array(await opened[0]!.arrayBuffer());
      expect(first.byteLength).toBe(size);
    } finally {
      await Promise.all(opened.slice(1).map((r) => r.body!.cancel()));
    }
  });

  it("caps downloads at once per client and in all, and frees a slot when one ends", async () => {
    const id = await shareOf(await demoFile(noisy(MB)));
    const mine = await Promise.all(
      Array.from({ length: DOWNLOAD_SLOTS.perClient }, () => download(id, "10.0.2.1")),
    );
    expect(mine.every((r) => r.status === 200)).toBe(true);
    const refused = await download(id, "10.0.2.1");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(((await refused.json()) as { detail: string }).detail).toMatch(
      /At most 4 downloads at once from one client/,
    );
    // Another client is not held up by this one.
    const other = await download(id, "10.0.2.2");
    expect(other.status).toBe(200);
    // Read to the end, or left by the client: either way the slot comes back.
    await mine[0]!.arrayBuffer();
    await mine[1]!.body!.cancel();
    const again = await Promise.all([download(id, "10.0.2.1"), download(id, "10.0.2.1")]);
    expect(again.map((r) => r.status)).toEqual([200, 200]);

    // In all: fill the rest of the slots from many clients.
    const open = [...mine.slice(2), ...again, other];
    for (let i = 0; open.length < DOWNLOAD_SLOTS.total; i++) {
      const response = await download(id, `10.0.3.${i}`);
      expect(response.status).toBe(200);
      open.push(response);
    }
    const busy = await download(id, "10.0.4.1");
    expect(busy.status).toBe(503);
    expect(((await busy.json()) as { detail: string }).detail).toMatch(/many downloads/);
    await Promise.all(open.map((r) => r.body!.cancel()));
    expect((await download(id, "10.0.4.1")).status).toBe(200);
  });

  it("gives the slot back at once for a HEAD, which Next answers with the GET handler", async () => {
    const id = await shareOf(await demoFile(noisy(MB)));
    for (let i = 0; i < DOWNLOAD_SLOTS.perClient * 3; i++) {
      const head = await download(id, "10.0.6.1", "HEAD");
      expect(head.status).toBe(200);
      expect(head.body).toBeNull();
      expect(head.headers.get("content-length")).toBe(String(MB));
    }
    const get = await download(id, "10.0.6.1");
    expect(get.status).toBe(200);
    await get.body!.cancel();
  });

  it("sends a file that is not a plain image as bytes, never as a page", async () => {
    const id = await shareOf(
      await demoFile(new TextEncoder().encode("<script>1</script>"), "text/html"),
    );
    const response = await download(id, "10.0.5.1");
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    await response.body!.cancel();
  });
});

describe("a relayed body", () => {
  const LIMITS = { maxBytes: 1000, deadlineMs: 60_000 };
  const source = (chunks: number[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const size of chunks) controller.enqueue(new Uint8Array(size));
        controller.close();
      },
    });

  it("fails once it passes its bound, and says it ended exactly once", async () => {
    let ended = 0;
    const body = limitedBody(source([400, 400, 400]), LIMITS, () => (ended += 1));
    await expect(new Response(body).arrayBuffer()).rejects.toThrow(/larger than the server reads/);
    expect(ended).toBe(1);
  });

  it("ends a body that stalls past its deadline, and gives its slot back once", async () => {
    let ended = 0;
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
      },
    });
    const body = limitedBody(stalled, { maxBytes: 1000, deadlineMs: 50 }, () => (ended += 1));
    await expect(new Response(body).arrayBuffer()).rejects.toThrow(/took too long/);
    expect(ended).toBe(1);
  });

  it("ends once when read to the end, and once when cancelled", async () => {
    let ended = 0;
    const whole = limitedBody(source([10, 20]), LIMITS, () => (ended += 1));
    expect((await new Response(whole).arrayBuffer()).byteLength).toBe(30);
    const left = limitedBody(source([10, 20]), LIMITS, () => (ended += 1));
    await left.cancel();
    await left.cancel().catch(() => {});
    expect(ended).toBe(2);
  });
});
