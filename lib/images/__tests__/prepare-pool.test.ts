import { describe, expect, it, vi } from "vitest";
import {
  createPreparePool,
  poolSize,
  type PrepareReply,
  type PrepareRequest,
  type PrepareWorker,
} from "../prepare-pool";
import type { PreparedReference } from "../prepare";

const preparedFrom = (file: Blob): PreparedReference => ({
  blob: file,
  contentType: "image/jpeg",
  original: { width: 4000, height: 6000, bytes: file.size, type: "image/jpeg" },
  prepared: { width: 1672, height: 2508, bytes: file.size },
  preview: file,
  hash: String(file.size),
  reencoded: true,
});

/** A worker that answers each request when the test says so. */
class FakeWorker implements PrepareWorker {
  onmessage: ((event: { data: PrepareReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  requests: PrepareRequest[] = [];
  terminated = false;
  postMessage(request: PrepareRequest) {
    this.requests.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  answer(reply: (request: PrepareRequest) => PrepareReply) {
    const request = this.requests.shift();
    if (!request) throw new Error("nothing asked");
    this.onmessage?.({ data: reply(request) });
  }
  succeed() {
    this.answer(({ id, file }) => ({ id, ok: true, result: preparedFrom(file) }));
  }
}

const file = (bytes: number, name = `${bytes}.jpg`) =>
  new File([new Uint8Array(bytes)], name, { type: "image/jpeg" });

function setup(
  workerCount = 2,
  createWorker?: () => PrepareWorker | undefined,
  filesPerWorker = 1,
) {
  const workers: FakeWorker[] = [];
  const prepareHere = vi.fn(async (blob: Blob) => preparedFrom(blob));
  const pool = createPreparePool({
    workers: workerCount,
    filesPerWorker,
    createWorker:
      createWorker ??
      (() => {
        const worker = new FakeWorker();
        workers.push(worker);
        return worker;
      }),
    prepareHere,
    timeoutMs: 1000,
    idleMs: 5000,
  });
  return { pool, workers, prepareHere };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createPreparePool", () => {
  it("gives each worker one file before any a second, and at most `filesPerWorker`", async () => {
    const { pool, workers } = setup(2, undefined, 2);
    const results = [1, 2, 3, 4, 5].map((n) => pool.prepare(file(n)));
    expect(workers.map((w) => w.requests.map((r) => r.file.size))).toEqual([
      [1, 3],
      [2, 4],
    ]);
    workers[1]!.succeed();
    expect(workers[1]!.requests.map((r) => r.file.size)).toEqual([4, 5]);
    for (let i = 0; i < 2; i++) workers[0]!.succeed();
    for (let i = 0; i < 2; i++) workers[1]!.succeed();
    expect((await Promise.all(results)).map((r) => r.original.bytes)).toEqual([1, 2, 3, 4, 5]);
    expect(workers).toHaveLength(2);
  });

  it("matches answers to files by id when a worker answers out of order", async () => {
    const { pool, workers } = setup(1, undefined, 2);
    const first = pool.prepare(file(1));
    const second = pool.prepare(file(2));
    const [a, b] = workers[0]!.requests;
    workers[0]!.onmessage?.({ data: { id: b!.id, ok: true, result: preparedFrom(b!.file) } });
    workers[0]!.onmessage?.({ data: { id: a!.id, ok: true, result: preparedFrom(a!.file) } });
    expect((await first).original.bytes).toBe(1);
    expect((await second).original.bytes).toBe(2);
  });

  it("tries the files of a worker that crashed once more, and refuses one in a second crash", async () => {
    const { pool, workers } = setup(1, undefined, 2);
    const warm = pool.prepare(file(1));
    workers[0]!.succeed();
    await warm;
    const culprit = pool.prepare(file(2, "culprit.jpg"));
    const innocent = pool.prepare(file(3));
    const refused = expect(culprit).rejects.toThrow("culprit.jpg could not be read.");
    workers[0]!.onerror?.(new Event("error"));
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.requests.map((r) => r.file.size)).toEqual([2, 3]);
    const again = workers[1]!.requests.find((r) => r.file.size === 3)!;
    workers[1]!.onmessage?.({ data: { id: again.id, ok: true, result: preparedFrom(again.file) } });
    // Answer the innocent file, then the worker dies again holding only the culprit.
    expect((await innocent).original.bytes).toBe(3);
    workers[1]!.onerror?.(new Event("error"));
    await refused;
    expect(workers).toHaveLength(2);
  });

  it("prepares at most `size` files at once and queues the rest in order", async () => {
    const { pool, workers, prepareHere } = setup(2);
    const results = [1, 2, 3, 4, 5].map((n) => pool.prepare(file(n)));
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.requests.map((r) => r.file.size))).toEqual([[1], [2]]);
    workers[1]!.succeed();
    expect(workers[1]!.requests.map((r) => r.file.size)).toEqual([3]);
    workers[0]!.succeed();
    workers[0]!.succeed();
    workers[1]!.succeed();
    workers[0]!.succeed();
    const sizes = (await Promise.all(results)).map((r) => r.original.bytes);
    expect(sizes).toEqual([1, 2, 3, 4, 5]);
    expect(workers).toHaveLength(2);
    expect(prepareHere).not.toHaveBeenCalled();
  });

  it("turns a worker's refusal back into a ReferenceFileError with its code and message", async () => {
    const { pool, workers } = setup(1);
    const result = pool.prepare(file(3, "notes.png"));
    workers[0]!.answer(({ id }) => ({
      id,
      ok: false,
      code: "not-an-image",
      message: "notes.png is not an image.",
    }));
    await expect(result).rejects.toMatchObject({
      name: "ReferenceFileError",
      code: "not-an-image",
      message: "notes.png is not an image.",
    });
  });

  it("prepares on the main thread when no worker can be made", async () => {
    const { pool, prepareHere } = setup(2, () => undefined);
    const results = await Promise.all([pool.prepare(file(1)), pool.prepare(file(2))]);
    expect(results.map((r) => r.original.bytes)).toEqual([1, 2]);
    expect(prepareHere).toHaveBeenCalledTimes(2);
  });

  it("falls back to the main thread for good when a worker fails before its first answer", async () => {
    const { pool, workers, prepareHere } = setup(1);
    const first = pool.prepare(file(1));
    const second = pool.prepare(file(2));
    workers[0]!.onerror?.(new Event("error"));
    expect(workers[0]!.terminated).toBe(true);
    expect((await first).original.bytes).toBe(1);
    expect((await second).original.bytes).toBe(2);
    expect(prepareHere).toHaveBeenCalledTimes(2);
    expect(workers).toHaveLength(1);
  });

  it("refuses a file that takes too long and replaces its worker", async () => {
    vi.useFakeTimers();
    try {
      const { pool, workers } = setup(1);
      const stuck = pool.prepare(file(1, "stuck.jpg"));
      const next = pool.prepare(file(2));
      const refused = expect(stuck).rejects.toMatchObject({
        code: "timeout",
        message: "stuck.jpg took too long to read. Try a smaller or simpler image.",
      });
      await vi.advanceTimersByTimeAsync(1000);
      await refused;
      expect(workers[0]!.terminated).toBe(true);
      expect(workers).toHaveLength(2);
      workers[1]!.succeed();
      expect((await next).original.bytes).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("starts a stuck worker's other file again on its replacement", async () => {
    vi.useFakeTimers();
    try {
      const { pool, workers } = setup(1, undefined, 2);
      const stuck = pool.prepare(file(1, "stuck.jpg"));
      await vi.advanceTimersByTimeAsync(500);
      const later = pool.prepare(file(2));
      const refused = expect(stuck).rejects.toMatchObject({ code: "timeout" });
      await vi.advanceTimersByTimeAsync(500);
      await refused;
      expect(workers[0]!.terminated).toBe(true);
      expect(workers[1]!.requests.map((r) => r.file.size)).toEqual([2]);
      // Its clock starts again with the new worker: not refused at the old deadline.
      await vi.advanceTimersByTimeAsync(900);
      workers[1]!.succeed();
      expect((await later).original.bytes).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("ends idle workers, so nothing is kept once the files are prepared", async () => {
    vi.useFakeTimers();
    try {
      const { pool, workers } = setup(1);
      const result = pool.prepare(file(1));
      workers[0]!.succeed();
      await result;
      await vi.advanceTimersByTimeAsync(4999);
      expect(workers[0]!.terminated).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(workers[0]!.terminated).toBe(true);
      const again = pool.prepare(file(2));
      expect(workers).toHaveLength(2);
      workers[1]!.succeed();
      await again;
    } finally {
      vi.useRealTimers();
    }
  });

  it("ignores an answer meant for an earlier request", async () => {
    const { pool, workers } = setup(1);
    const result = pool.prepare(file(1));
    workers[0]!.onmessage?.({ data: { id: 999, ok: true, result: preparedFrom(file(9)) } });
    await flush();
    workers[0]!.succeed();
    expect((await result).original.bytes).toBe(1);
  });
});

describe("poolSize", () => {
  it("leaves a core for the page: one worker on two cores or fewer, at most three", () => {
    expect(poolSize(undefined)).toBe(1);
    expect(poolSize(1)).toBe(1);
    expect(poolSize(2)).toBe(1);
    expect(poolSize(3)).toBe(2);
    expect(poolSize(16)).toBe(3);
  });
});
