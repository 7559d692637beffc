/**
 * The run engine with fal and the history replaced by fakes it is given: what it stores, when,
 * and what a run looks like after each thing fal can do.
 */
import { ApiError, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import type { EditInput, EditOutput } from "@/lib/endpoint";
import type { RunStatus } from "@/lib/fal/client";
import { ProxyRefusalError, SubmitError, toRunError } from "@/lib/fal/errors";
import type { Waiting } from "@/lib/fal/follow";
import type { LogLine, RunRecord } from "@/lib/history/run-record";
import { createRunEngine, type FalCalls, type Run, type RunList } from "@/lib/runs/engine";

const INPUT: EditInput = { prompt: "a red door", reference_image_urls: ["https://x/a.png"] };
const OUTPUT: EditOutput = {
  images: [{ url: "https://v3.fal.media/out.png", width: 2048, height: 2048 }],
  seed: 7,
  has_nsfw_concepts: [false],
  prompt: "a red door",
  timings: { inference: 1 },
};

/** A controllable fal: each follow waits until the test settles it. */
function fakeFal() {
  const followers = new Map<
    string,
    {
      onStatus: (status: RunStatus) => void;
      onWaiting: (why: Waiting | undefined) => void;
      resolve: (output: EditOutput) => void;
      reject: (error: unknown) => void;
    }
  >();
  const calls = { submits: 0, cancels: [] as string[] };
  let next = 0;
  let submitError: unknown;
  const fal: FalCalls = {
    async submit() {
      calls.submits++;
      if (submitError) throw submitError;
      return `req-${++next}`;
    },
    follow(requestId, onStatus, onWaiting) {
      return new Promise((resolve, reject) =>
        followers.set(requestId, { onStatus, onWaiting, resolve, reject }),
      );
    },
    async cancel(requestId) {
      calls.cancels.push(requestId);
    },
    toRunError,
  };
  return {
    fal,
    calls,
    failSubmits: (error: unknown) => (submitError = error),
    follower: (id: string) => followers.get(id)!,
    followed: () => [...followers.keys()],
  };
}

function memoryHistory() {
  const runs = new Map<string, RunRecord>();
  const logs = new Map<string, LogLine[]>();
  const writes: RunRecord[] = [];
  return {
    runs,
    writes,
    history: {
      async saveRun(record: RunRecord) {
        runs.set(record.id, structuredClone(record));
        writes.push(structuredClone(record));
      },
      async saveLogs(id: string, lines: LogLine[]) {
        logs.set(id, lines);
      },
      async loadLogs(id: string) {
        return logs.get(id) ?? [];
      },
    },
    logs,
  };
}

function memoryRuns(initial: Run[] = []) {
  let list = initial;
  const runs: RunList = {
    get: (id) => list.find((r) => r.id === id),
    add: (run) => (list = [run, ...list]),
    patch: (id, change) =>
      (list = list.map((r) =>
        r.id === id ? { ...r, ...(typeof change === "function" ? change(r) : change) } : r,
      )),
  };
  return { runs, all: () => list };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(initial: Run[] = []) {
  const fal = fakeFal();
  const stored = memoryHistory();
  const list = memoryRuns(initial);
  let ids = 0;
  const fields: Record<string, string>[] = [];
  const engine = createRunEngine({
    fal: fal.fal,
    history: stored.history,
    runs: list.runs,
    newId: () => `run-${++ids}`,
    onFieldErrors: (f) => fields.push(f),
    logSaveDelayMs: 0,
  });
  return { engine, fal, stored, list, fields };
}

describe("run engine", () => {
  it("stores the request id before following, then the result", async () => {
    const { engine, fal, stored, list } = setup();
    const done = engine.start(INPUT);
    await settle();
    expect(stored.writes.map((w) => w.phase)).toEqual(["submitting", "queued"]);
    expect(stored.runs.get("run-1")?.requestId).toBe("req-1");
    fal.follower("req-1").onStatus({ status: "IN_QUEUE", queue_position: 2 } as RunStatus);
    fal.follower("req-1").onStatus({
      status: "IN_PROGRESS",
      logs: [{ message: "Step 1/28", level: "INFO", timestamp: "2026-12-01T00:00:01Z" }],
    } as RunStatus);
    expect(list.runs.get("run-1")).toMatchObject({ phase: "running", logs: [{}] });
    fal.follower("req-1").resolve(OUTPUT);
    await done;
    expect(stored.runs.get("run-1")).toMatchObject({ phase: "completed", output: OUTPUT });
    expect(stored.runs.get("run-1")).not.toHaveProperty("logs");
  });

  it("marks a refused submit failed with its code, sent once", async () => {
    const { engine, fal, stored } = setup();
    fal.failSubmits(new SubmitError(503, { detail: "Unavailable" }));
    await engine.start(INPUT);
    expect(fal.calls.submits).toBe(1);
    expect(stored.runs.get("run-1")).toMatchObject({
      phase: "failed",
      error: { code: "submit_unconfirmed", status: 503 },
    });
  });

  it("resumes an unfinished run by its id, and says when there was none", async () => {
    const base = { input: INPUT, logs: [], logsLoaded: true, submittedAt: 1 };
    const { engine, fal, stored } = setup([
      { ...base, id: "a", requestId: "req-a", phase: "running" },
      { ...base, id: "b", phase: "submitting" },
      { ...base, id: "c", requestId: "req-c", phase: "completed" },
    ]);
    void engine.resume("a");
    await engine.resume("b");
    await engine.resume("c");
    await settle();
    expect(fal.followed()).toEqual(["req-a"]);
    expect(stored.runs.get("b")).toMatchObject({ phase: "failed", error: { code: "interrupted" } });
    fal.follower("req-a").resolve(OUTPUT);
    await settle();
    expect(stored.runs.get("a")?.phase).toBe("completed");
  });

  it("launches a run: answers its id once saved, then follows it like any run", async () => {
    const { engine, fal, stored, list } = setup();
    const id = await engine.launch(INPUT, "full");
    expect(id).toBe("run-1");
    expect(stored.writes[0]).toMatchObject({
      id,
      phase: "submitting",
      endpointId: "fal-ai/hidream-o1-image",
    });
    await settle();
    fal.follower("req-1").resolve(OUTPUT);
    await settle();
    expect(list.runs.get(id)).toMatchObject({ phase: "completed", output: OUTPUT });
  });

  it("cancels by asking fal, ends as cancelled when fal says so", async () => {
    const { engine, fal, stored } = setup();
    const done = engine.start(INPUT);
    await settle();
    await engine.cancel("run-1");
    expect(fal.calls.cancels).toEqual(["req-1"]);
    expect(stored.runs.get("run-1")?.cancelRequested).toBe(true);
    fal.follower("req-1").reject(
      new ApiError({
        message: "Bad Request",
        status: 400,
        body: { detail: "Request was cancelled.", error_type: "request_cancelled" },
      }),
    );
    await done;
    expect(stored.runs.get("run-1")).toMatchObject({
      phase: "cancelled",
      error: { code: "fal_cancelled" },
    });
  });

  it("keeps a result that arrives after a cancel: it was paid for", async () => {
    const { engine, fal, stored } = setup();
    const done = engine.start(INPUT);
    await settle();
    await engine.cancel("run-1");
    fal.follower("req-1").resolve(OUTPUT);
    await done;
    expect(stored.runs.get("run-1")).toMatchObject({ phase: "completed", cancelRequested: true });
  });

  it("shows waiting while offline and clears it when fal answers again", async () => {
    const { engine, fal, list } = setup();
    const done = engine.start(INPUT);
    await settle();
    fal.follower("req-1").onWaiting("offline");
    expect(list.runs.get("run-1")?.waiting).toBe("offline");
    fal.follower("req-1").onWaiting(undefined);
    fal.follower("req-1").resolve(OUTPUT);
    await done;
    expect(list.runs.get("run-1")).toMatchObject({ phase: "completed", waiting: undefined });
  });

  it("keeps a run unfinished when the app is signed out, so a reload follows it", async () => {
    const { engine, fal, stored } = setup();
    const done = engine.start(INPUT);
    await settle();
    fal
      .follower("req-1")
      .reject(
        new ProxyRefusalError(401, { detail: "Sign in.", error_type: "proxy_unauthenticated" }),
      );
    await done;
    expect(stored.runs.get("run-1")).toMatchObject({
      phase: "queued",
      error: { code: "proxy_unauthenticated" },
    });
  });

  it("passes fal's field errors on, except for a cancelled run", async () => {
    const { engine, fal, fields } = setup();
    const done = engine.start(INPUT);
    await settle();
    fal.follower("req-1").reject(
      new ValidationError({
        message: "x",
        status: 422,
        body: { detail: [{ loc: ["body", "seed"], msg: "Too big.", type: "too_big" }] },
      }),
    );
    await done;
    expect(fields).toEqual([{ seed: "Too big." }]);
  });

  it("plans a grid cell without sending it, sends it later, cancels a planned one for free", async () => {
    const { engine, fal, stored } = setup();
    const grid = { id: "g", row: 0, col: 1, rows: ["a"], cols: ["x", "y"] };
    const a = await engine.plan(INPUT, "full", grid);
    const b = await engine.plan(INPUT, "dev", grid);
    expect(fal.calls.submits).toBe(0);
    expect(stored.runs.get(a)).toMatchObject({
      phase: "planned",
      grid,
      endpointId: "fal-ai/hidream-o1-image",
    });
    await engine.cancel(b);
    expect(stored.runs.get(b)).toMatchObject({
      phase: "cancelled",
      error: { code: "fal_cancelled" },
    });
    await engine.runPlanned(b); // cancelled: nothing is sent
    expect(fal.calls.submits).toBe(0);
    const sent = engine.runPlanned(a);
    await settle();
    expect(fal.calls.submits).toBe(1);
    expect(stored.runs.get(a)?.phase).toBe("queued");
    fal.follower("req-1").resolve(OUTPUT);
    await sent;
    expect(stored.runs.get(a)?.phase).toBe("completed");
    // A planned run found after a reload waits for its grid: resume leaves it alone.
    const c = await engine.plan(INPUT, "dev");
    await engine.resume(c);
    expect(stored.runs.get(c)?.phase).toBe("planned");
  });

  it("records when fal last spoke, for the silence notice", async () => {
    let clock = 1000;
    const fal = fakeFal();
    const list = memoryRuns();
    const engine = createRunEngine({
      fal: fal.fal,
      history: memoryHistory().history,
      runs: list.runs,
      now: () => clock,
    });
    void engine.start(INPUT);
    await settle();
    const [id] = list.all().map((r) => r.id);
    expect(list.runs.get(id!)?.heardAt).toBe(1000);
    clock = 26_000;
    fal.follower("req-1").onStatus({ status: "IN_QUEUE", queue_position: 0 } as RunStatus);
    expect(list.runs.get(id!)?.heardAt).toBe(26_000);
  });
});
