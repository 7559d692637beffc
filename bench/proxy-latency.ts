/**
 * Latency our fal proxy adds per request, against the stock `createRouteHandler()` from
 * @fal-ai/server-proxy and against calling the backend directly, all in one process and one run.
 *
 * Every target answers the same call for the same completed job on the same fal-compatible
 * backend, so the only difference between them is the hop: none ("direct"), our proxy ("ours"),
 * or the stock one ("stock"). Targets are interleaved in rounds, each round in a rotated order, so
 * drift in machine load (GC, CPU frequency, other processes) lands on all three alike.
 *
 * Both proxies are served by lib/emulator/serve.ts, which pipes bodies the way Next does.
 */
import { parseServerEnv } from "@/lib/server-env";
import sharp from "sharp";
import type { NextRequest } from "next/server";
import { ENDPOINT_APP, ENDPOINT_ID } from "@/lib/endpoint";
import { serveHandler, type RunningServer } from "@/lib/emulator/serve";
import { startStandaloneBackend, type StandaloneBackend } from "@/lib/emulator/standalone";
import { createProxyHandler, PROXY_ROUTE } from "@/lib/proxy/handler";
import { table, verdictAndNotes } from "./table";
import { rotate, summarize, type LatencySummary } from "./stats";

export const TARGETS = ["direct", "ours", "stock"] as const;
export type TargetName = (typeof TARGETS)[number];

/** "status": the poll the client makes most; "result": the final GET, with a larger JSON body. */
export const KINDS = ["status", "result"] as const;
export type RequestKind = (typeof KINDS)[number];

export interface ProxyLatencyOptions {
  concurrencies: readonly number[];
  /** Measured requests per target, kind and concurrency, pooled over all rounds. */
  requests: Readonly<Record<number, number>>;
  /** Unmeasured requests per target, kind and concurrency before the first round. */
  warmup: number;
  rounds: number;
  /** Ours must stay within this multiple of the stock proxy's p50. */
  goalRatio: number;
}

export const DEFAULT_OPTIONS: ProxyLatencyOptions = {
  concurrencies: [1, 32],
  requests: { 1: 3000, 32: 8000 },
  warmup: 200,
  rounds: 10,
  goalRatio: 1.15,
};

export interface CellResult {
  kind: RequestKind;
  concurrency: number;
  target: TargetName;
  /** Size of each response body; identical across targets, or the bench fails. */
  bodyBytes: number;
  latencyMs: LatencySummary;
  /** p50 and mean of this target minus those of "direct" for the same kind and concurrency. */
  addedP50Ms: number;
  addedMeanMs: number;
}

export interface Comparison {
  kind: RequestKind;
  concurrency: number;
  oursP50Ms: number;
  stockP50Ms: number;
  /** p50 through ours / p50 through stock: the primary goal metric. */
  ratio: number;
  oursAddedP50Ms: number;
  stockAddedP50Ms: number;
  /** ours' added p50 / stock's added p50: printed too, but tiny denominators make it noisy. */
  addedRatio: number;
  pass: boolean;
}

export interface ProxyLatencyResult {
  name: "proxy-latency";
  options: ProxyLatencyOptions;
  goal: { definition: string; pass: boolean };
  notes: string[];
  cells: CellResult[];
  comparisons: Comparison[];
  durationSeconds: number;
}

export const BENCH_KEY = "bench-key";
export const FAST_PACING = { queueMs: 30, stepMs: 3 };
/** fal's hosts, as the stock proxy addresses them. */
const FAL_HOSTS = ["https://queue.fal.run/", "https://rest.fal.ai/"] as const;

export interface Endpoint {
  url: string;
  headers: Record<string, string>;
}

interface Target {
  name: TargetName;
  endpoint(kind: RequestKind): Endpoint;
}

interface Environment {
  backend: StandaloneBackend;
  servers: RunningServer[];
  targets: Target[];
  notes: string[];
  restoreFetch(): void;
}

export async function benchProxyLatency(
  options: ProxyLatencyOptions = DEFAULT_OPTIONS,
): Promise<ProxyLatencyResult> {
  const started = performance.now();
  // Taken before the rewrite below, so the load generator itself never goes through it.
  const clientFetch = globalThis.fetch;
  const env = await setUp();
  try {
    const samples = await measure(env.targets, options, clientFetch);
    const cells = summarizeCells(samples);
    const comparisons = compare(cells, options.goalRatio);
    return {
      name: "proxy-latency",
      options,
      goal: {
        definition: `p50(ours) <= ${options.goalRatio} x p50(stock), total latency through each proxy, for every request kind and concurrency`,
        pass: comparisons.every((c) => c.pass),
      },
      notes: env.notes,
      cells,
      comparisons,
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    env.restoreFetch();
    await Promise.all(env.servers.map((server) => server.close()));
    await env.backend.close();
  }
}

async function setUp(): Promise<Environment> {
  const backend = await startStandaloneBackend({ config: FAST_PACING });
  const servers: RunningServer[] = [];
  try {
    const requestId = await completedRequest(backend.url);
    const restoreFetch = rewriteFalHostsTo(backend.url);
    const ours = await serveHandler(
      createProxyHandler({
        env: parseServerEnv({
          FAL_KEY: BENCH_KEY,
          FAL_UPSTREAM_URL: backend.url,
          ALLOW_PUBLIC_ACCESS: "true",
          RUNS_PER_MINUTE: "unlimited",
          DAILY_BUDGET_USD: "unlimited",
        }),
      }),
    );
    servers.push(ours);
    const { server: stock, warnings } = await serveStockProxy();
    servers.push(stock);
    const notes = [
      "All servers and the load generator share one Node process and event loop; latencies include the client's own cost, which 'added' subtracts.",
      "Both proxies are served by the same minimal node:http adapter (lib/emulator/serve.ts) that pipes the response body as Next does.",
      "The stock proxy calls fetch() on fal's real hosts, which this machine cannot reach: a wrapper around globalThis.fetch rewrites https://queue.fal.run/ and https://rest.fal.ai/ to the local backend. Only the stock path pays for the rewrite (a prefix check and a string concatenation per call); ours reaches the backend through FAL_UPSTREAM_URL and only passes the wrapper's typeof check.",
      ...warnings.map((w) => `stock createRouteHandler() warned at creation: ${w}`),
    ];
    return {
      backend,
      servers,
      notes,
      restoreFetch,
      targets: [
        directTarget(backend.url, requestId),
        proxyTarget("ours", ours.url, requestId),
        proxyTarget("stock", stock.url, requestId),
      ],
    };
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    await backend.close();
    throw error;
  }
}

/** Submits one small job and waits for it, so every measured call hits a finished request. */
export async function completedRequest(backendUrl: string): Promise<string> {
  const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#2563eb" } })
    .png()
    .toBuffer();
  const submit = await fetch(`${backendUrl}/${ENDPOINT_ID}`, {
    method: "POST",
    headers: { authorization: `Key ${BENCH_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({
      prompt: "bench",
      reference_image_urls: [`data:image/png;base64,${png.toString("base64")}`],
      num_inference_steps: 1,
    }),
  });
  if (!submit.ok) throw new Error(`submit failed: ${submit.status} ${await submit.text()}`);
  const { request_id: id } = (await submit.json()) as { request_id?: string };
  if (!id) throw new Error("submit answered without a request_id");

  const deadline = Date.now() + 15_000;
  for (;;) {
    const status = await fetch(`${backendUrl}/${ENDPOINT_APP}/requests/${id}/status`, {
      headers: { authorization: `Key ${BENCH_KEY}` },
    });
    const body = (await status.json()) as { status?: string };
    if (body.status === "COMPLETED") break;
    if (Date.now() > deadline)
      throw new Error(`job ${id} did not complete in 15 s (last status ${body.status})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const result = await fetch(`${backendUrl}/${ENDPOINT_APP}/requests/${id}`, {
    headers: { authorization: `Key ${BENCH_KEY}` },
  });
  if (result.status !== 200)
    throw new Error(`job ${id} completed with ${result.status}: ${await result.text()}`);
  return id;
}

/**
 * fal is unreachable from here, and the stock proxy has no upstream setting: it always calls
 * `fetch(targetUrl)`. Rewriting fal's hosts to the backend is the least invasive way to point it
 * at the same backend the others use.
 */
function rewriteFalHostsTo(base: string): () => void {
  const original = globalThis.fetch;
  const rewritten: typeof fetch = (input, init) => {
    if (typeof input === "string") {
      for (const host of FAL_HOSTS) {
        if (input.startsWith(host)) return original(`${base}/${input.slice(host.length)}`, init);
      }
    }
    return original(input, init);
  };
  globalThis.fetch = rewritten;
  return () => {
    globalThis.fetch = original;
  };
}

async function serveStockProxy(): Promise<{ server: RunningServer; warnings: string[] }> {
  // The stock module reads FAL_KEY once, when it is first loaded.
  process.env.FAL_KEY = BENCH_KEY;
  const { createRouteHandler } = await import("@fal-ai/server-proxy/nextjs");
  // Its default config warns on creation; collected into the notes instead of cluttering output.
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(" "));
  let handlers: ReturnType<typeof createRouteHandler>;
  try {
    handlers = createRouteHandler();
  } finally {
    console.warn = warn;
  }
  const server = await serveHandler((request) => {
    const handler = handlers[request.method as keyof typeof handlers];
    if (!handler) return new Response(null, { status: 405 });
    // Typed for NextRequest, but it only reads method, headers and text(): a plain Request is
    // what ours gets here too, so neither pays for Next's request wrapper.
    return handler(request as NextRequest);
  });
  return { server, warnings };
}

function directTarget(backendUrl: string, requestId: string): Target {
  return {
    name: "direct",
    endpoint: (kind) => ({
      url: `${backendUrl}${requestPath(kind, requestId)}`,
      headers: { authorization: `Key ${BENCH_KEY}`, accept: "application/json" },
    }),
  };
}

function proxyTarget(name: TargetName, proxyUrl: string, requestId: string): Target {
  return {
    name,
    endpoint: (kind) => ({
      url: `${proxyUrl}${PROXY_ROUTE}`,
      headers: {
        "x-fal-target-url": `https://queue.fal.run${requestPath(kind, requestId)}`,
        accept: "application/json",
      },
    }),
  };
}

export function requestPath(kind: RequestKind, requestId: string): string {
  const base = `/${ENDPOINT_APP}/requests/${requestId}`;
  return kind === "status" ? `${base}/status?logs=1` : base;
}

type CellKey = `${RequestKind}|${number}|${TargetName}`;

interface CellSamples {
  kind: RequestKind;
  concurrency: number;
  target: TargetName;
  latencies: number[];
  wallMs: number;
  bodyBytes: number;
}

async function measure(
  targets: Target[],
  options: ProxyLatencyOptions,
  clientFetch: typeof fetch,
): Promise<CellSamples[]> {
  const cells = new Map<CellKey, CellSamples>();
  const expectedBytes = new Map<RequestKind, number>();
  const cellOf = (kind: RequestKind, concurrency: number, target: TargetName): CellSamples => {
    const key: CellKey = `${kind}|${concurrency}|${target}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { kind, concurrency, target, latencies: [], wallMs: 0, bodyBytes: 0 };
      cells.set(key, cell);
    }
    return cell;
  };

  for (const concurrency of options.concurrencies) {
    for (const kind of KINDS) {
      for (const target of targets) {
        const run = {
          endpoint: target.endpoint(kind),
          count: options.warmup,
          concurrency,
          expectedBytes,
          kind,
          label: target.name,
        };
        await runLoad(run, clientFetch, []);
      }
    }
  }

  for (let round = 0; round < options.rounds; round++) {
    for (const concurrency of options.concurrencies) {
      const perRound = Math.ceil(requestsAt(options, concurrency) / options.rounds);
      for (const kind of KINDS) {
        for (const target of rotate(targets, round)) {
          const cell = cellOf(kind, concurrency, target.name);
          const run = {
            endpoint: target.endpoint(kind),
            count: perRound,
            concurrency,
            expectedBytes,
            kind,
            label: target.name,
          };
          cell.wallMs += await runLoad(run, clientFetch, cell.latencies);
          cell.bodyBytes = expectedBytes.get(kind) ?? 0;
        }
      }
    }
  }
  return [...cells.values()];
}

function requestsAt(options: ProxyLatencyOptions, concurrency: number): number {
  const count = options.requests[concurrency];
  if (count === undefined)
    throw new Error(`no request count configured for concurrency ${concurrency}`);
  return count;
}

export interface LoadRun {
  endpoint: Endpoint;
  count: number;
  concurrency: number;
  kind: RequestKind;
  label: string;
  /** First body size seen per kind; every later body must match, whichever target served it. */
  expectedBytes: Map<RequestKind, number>;
}

/** Sends `count` requests from `concurrency` closed-loop workers; returns the wall time taken. */
export async function runLoad(
  run: LoadRun,
  clientFetch: typeof fetch,
  latencies: number[],
): Promise<number> {
  const { url, headers } = run.endpoint;
  let issued = 0;
  const worker = async () => {
    while (issued < run.count) {
      issued++;
      const start = performance.now();
      const response = await clientFetch(url, { headers });
      const body = await response.arrayBuffer();
      const elapsed = performance.now() - start;
      if (response.status !== 200) {
        throw new Error(
          `${run.label} ${run.kind}: HTTP ${response.status}: ${Buffer.from(body).toString("utf8").slice(0, 300)}`,
        );
      }
      const expected = run.expectedBytes.get(run.kind);
      if (expected === undefined) run.expectedBytes.set(run.kind, body.byteLength);
      else if (expected !== body.byteLength) {
        throw new Error(
          `${run.label} ${run.kind}: body of ${body.byteLength} bytes, others answered ${expected}`,
        );
      }
      latencies.push(elapsed);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(run.concurrency, run.count) }, worker));
  return performance.now() - started;
}

function summarizeCells(samples: CellSamples[]): CellResult[] {
  const summaries = samples.map((cell) => ({
    cell,
    latency: summarize(cell.latencies, cell.wallMs),
  }));
  return summaries.map(({ cell, latency }) => {
    const direct = summaries.find(
      (s) =>
        s.cell.target === "direct" &&
        s.cell.kind === cell.kind &&
        s.cell.concurrency === cell.concurrency,
    );
    if (!direct)
      throw new Error(`no direct baseline for ${cell.kind} at concurrency ${cell.concurrency}`);
    return {
      kind: cell.kind,
      concurrency: cell.concurrency,
      target: cell.target,
      bodyBytes: cell.bodyBytes,
      latencyMs: latency,
      addedP50Ms: latency.p50 - direct.latency.p50,
      addedMeanMs: latency.mean - direct.latency.mean,
    };
  });
}

function compare(cells: CellResult[], goalRatio: number): Comparison[] {
  const comparisons: Comparison[] = [];
  for (const cell of cells) {
    if (cell.target !== "ours") continue;
    const stock = cells.find(
      (c) => c.target === "stock" && c.kind === cell.kind && c.concurrency === cell.concurrency,
    );
    if (!stock)
      throw new Error(`no stock result for ${cell.kind} at concurrency ${cell.concurrency}`);
    const ratio = cell.latencyMs.p50 / stock.latencyMs.p50;
    comparisons.push({
      kind: cell.kind,
      concurrency: cell.concurrency,
      oursP50Ms: cell.latencyMs.p50,
      stockP50Ms: stock.latencyMs.p50,
      ratio,
      oursAddedP50Ms: cell.addedP50Ms,
      stockAddedP50Ms: stock.addedP50Ms,
      addedRatio: cell.addedP50Ms / stock.addedP50Ms,
      pass: ratio <= goalRatio,
    });
  }
  return comparisons;
}

/** The result as plain-text tables, for the terminal. */
export function formatProxyLatency(result: ProxyLatencyResult): string {
  const ms = (value: number) => value.toFixed(3);
  const latencyRows = result.cells.map((c) => [
    c.kind,
    String(c.concurrency),
    c.target,
    String(c.latencyMs.count),
    String(c.bodyBytes),
    ms(c.latencyMs.p50),
    ms(c.latencyMs.p99),
    ms(c.latencyMs.mean),
    c.latencyMs.rps.toFixed(0),
    c.target === "direct" ? "-" : ms(c.addedP50Ms),
  ]);
  const comparisonRows = result.comparisons.map((c) => [
    c.kind,
    String(c.concurrency),
    ms(c.oursP50Ms),
    ms(c.stockP50Ms),
    c.ratio.toFixed(3),
    ms(c.oursAddedP50Ms),
    ms(c.stockAddedP50Ms),
    Number.isFinite(c.addedRatio) ? c.addedRatio.toFixed(2) : "n/a",
    c.pass ? "PASS" : "FAIL",
  ]);
  return [
    "Proxy latency (ms; 'added' = p50 of the target minus p50 of direct)",
    table(
      ["kind", "conc", "target", "n", "bytes", "p50", "p99", "mean", "req/s", "added p50"],
      latencyRows,
    ),
    "",
    `Goal: ${result.goal.definition}`,
    table(
      [
        "kind",
        "conc",
        "ours p50",
        "stock p50",
        "ours/stock",
        "ours added",
        "stock added",
        "added ratio",
        "verdict",
      ],
      comparisonRows,
    ),
    ...verdictAndNotes(result.goal.pass, result.notes),
  ].join("\n");
}
