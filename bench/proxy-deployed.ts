/**
 * The fal proxy as deployed: the same calls as bench/proxy-latency.ts (a status poll and a result
 * GET of one finished job), but through `next start`, where Next's routing, its request proxy
 * (proxy.ts) and its request/response adapters add their share. proxy-latency measures the
 * handler alone (its figures stay as they are); this one measures what a browser waits for.
 *
 * Targets, all against one fal-compatible backend (lib/emulator/standalone.ts) in this process:
 * - direct: the backend itself, no hop;
 * - ours: the app's production build (.next-bench), live mode with FAL_UPSTREAM_URL pointing at
 *   the backend and ALLOW_PUBLIC_ACCESS=true, with the app's proxy.ts as built (its fal proxy is
 *   a Pages API route, pages/api/fal/proxy.ts);
 * - ours gated: the same build with ACCESS_PASSWORD set and a valid session cookie sent, so the
 *   session check is paid;
 * - stock: `createRouteHandler()` from @fal-ai/server-proxy mounted at /api/fal/proxy of a tiny
 *   separate Next app built here, without a proxy.ts (what its README sets up);
 * - stock + proxy.ts: the same handler behind a proxy.ts that only calls NextResponse.next();
 * - stock + nonce proxy.ts: behind one that mints a CSP nonce and rewrites the request's
 *   headers as a CSP proxy.ts does (ours before it skipped API routes).
 * - forward only: a route in the stock app that only reads the target header and forwards with
 *   fetch, no checks at all: the least any proxy through an App Router route can add here;
 * - forward only (pages API): the same as a Pages Router API route, which Next hands Node's own
 *   request and response (no Web Request/Response adapters, no per-request stores).
 * The last four price Next itself, so a reader sees where time goes.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sealSession } from "@/lib/access/session";
import { startStandaloneBackend } from "@/lib/emulator/standalone";
import { PROXY_ROUTE } from "@/lib/proxy/handler";
import { parseServerEnv } from "@/lib/server-env";
import { buildBareApp, startBareApp } from "./bare-next-app";
import { ensureBuild, killGroup, startServer, stopChild, type BuildReport } from "./next-app";
import {
  BENCH_KEY,
  completedRequest,
  FAST_PACING,
  KINDS,
  requestPath,
  runLoad,
  type Endpoint,
  type RequestKind,
} from "./proxy-latency";
import { rotate, summarize, type LatencySummary } from "./stats";
import { table, verdictAndNotes } from "./table";

export const TARGETS = [
  "direct",
  "ours",
  "ours gated",
  "stock",
  "stock + proxy.ts",
  "stock + nonce proxy.ts",
  "forward only",
  "forward only (pages API)",
] as const;
export type DeployedTarget = (typeof TARGETS)[number];

export interface ProxyDeployedOptions {
  ports: { app: number; gated: number; stock: number; backend: number };
  concurrencies: readonly number[];
  /** Measured requests per target, kind and concurrency, pooled over all rounds. */
  requests: Readonly<Record<number, number>>;
  warmup: number;
  rounds: number;
  /** Ours must stay within this multiple of the stock proxy's p50. */
  goalRatio: number;
  /** And add at most this much over calling the backend directly, at p50. */
  goalAddedMs: number;
}

export const DEFAULT_OPTIONS: ProxyDeployedOptions = {
  ports: { app: 3580, gated: 3581, stock: 3582, backend: 3583 },
  concurrencies: [1, 32],
  // Small counts: six Next servers' worth of requests on a shared 2-core machine add up.
  requests: { 1: 300, 32: 1200 },
  warmup: 50,
  rounds: 4,
  goalRatio: 1.15,
  goalAddedMs: 2,
};

export interface DeployedCell {
  kind: RequestKind;
  concurrency: number;
  target: DeployedTarget;
  latencyMs: LatencySummary;
  addedP50Ms: number;
}

export interface DeployedComparison {
  kind: RequestKind;
  concurrency: number;
  oursP50Ms: number;
  stockP50Ms: number;
  ratio: number;
  oursAddedP50Ms: number;
  /** What the forward-only route adds: Next's own floor for any proxy. */
  floorAddedP50Ms: number;
  pass: boolean;
}

export interface ProxyDeployedResult {
  name: "proxy-deployed";
  options: ProxyDeployedOptions;
  build: BuildReport;
  stockBuildSeconds: number;
  goal: { definition: string; pass: boolean };
  cells: DeployedCell[];
  comparisons: DeployedComparison[];
  notes: string[];
  durationSeconds: number;
}

const SESSION_SECRET = "bench-session-secret-0123456789abcdef0123456789";
const PASSWORD = "bench-password";

/** The stock app: the same handler at three paths, two of them behind a proxy.ts. */
const STOCK_FILES: Record<string, string> = {
  "app/layout.tsx": `import type { ReactNode } from "react";
export default function RootLayout({ children }: { children: ReactNode }) {
  return (<html lang="en"><body>{children}</body></html>);
}
`,
  "app/page.tsx": `export default function Home() { return <p>stock</p>; }\n`,
  "lib/stock.ts": `import { createRouteHandler } from "@fal-ai/server-proxy/nextjs";
export const stock = createRouteHandler();
`,
  ...Object.fromEntries(
    ["api/fal/proxy", "api/mw/fal/proxy", "api/csp/fal/proxy"].map((route) => [
      `app/${route}/route.ts`,
      `import { stock } from "${"../".repeat(route.split("/").length + 1)}lib/stock";
export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const { GET, POST, PUT } = stock;
`,
    ]),
  ),
  // Next's floor: the target header read, the request forwarded, the answer streamed back.
  "app/api/forward/route.ts": `export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export async function GET(request: Request) {
  const target = new URL(request.headers.get("x-fal-target-url") ?? "");
  const upstream = await fetch(process.env.BENCH_BACKEND_URL + target.pathname + target.search, {
    headers: { authorization: "Key " + process.env.FAL_KEY, accept: "application/json" },
  });
  return new Response(upstream.body, {
    status: upstream.status,
    headers: { "content-type": upstream.headers.get("content-type") ?? "application/json" },
  });
}
`,
  // The same floor as a Pages Router API route: Node's request and response, body parsing off.
  "pages/api/forward-pages.ts": `import type { NextApiRequest, NextApiResponse } from "next";
export const config = { api: { bodyParser: false, responseLimit: false } };
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const target = new URL(String(req.headers["x-fal-target-url"] ?? ""));
  const upstream = await fetch(process.env.BENCH_BACKEND_URL + target.pathname + target.search, {
    headers: { authorization: "Key " + process.env.FAL_KEY, accept: "application/json" },
  });
  res.statusCode = upstream.status;
  res.setHeader("content-type", upstream.headers.get("content-type") ?? "application/json");
  res.end(Buffer.from(await upstream.arrayBuffer()));
}
`,
  // The stock proxy always calls fetch() on fal's hosts, which this machine cannot reach: fal's
  // hosts are mapped onto the bench's backend, as bench/proxy-latency.ts does in-process.
  "instrumentation.ts": `export function register() {
  const base = process.env.BENCH_BACKEND_URL;
  if (!base) return;
  const original = globalThis.fetch;
  const hosts = ["https://queue.fal.run/", "https://rest.fal.ai/"];
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    if (typeof input === "string")
      for (const host of hosts)
        if (input.startsWith(host)) return original(base + "/" + input.slice(host.length), init);
    return original(input, init);
  }) as typeof fetch;
}
`,
  "proxy.ts": `import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  if (!request.nextUrl.pathname.startsWith("/api/csp/")) return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = \`default-src 'self'; script-src 'self' 'nonce-\${nonce}' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' https://fal.media https://*.fal.media blob: data:; connect-src 'self' https://fal.media https://*.fal.media; object-src 'none'; base-uri 'self'; frame-ancestors 'none'\`;
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Content-Type-Options", "nosniff");
  return response;
}

export const config = { matcher: ["/api/mw/:path*", "/api/csp/:path*"] };
`,
};

interface Target {
  name: DeployedTarget;
  endpoint(kind: RequestKind): Endpoint;
}

export async function benchProxyDeployed(
  options: ProxyDeployedOptions = DEFAULT_OPTIONS,
): Promise<ProxyDeployedResult> {
  const started = performance.now();
  const children = new Set<ChildProcess>();
  const stopAll = () => children.forEach((child) => killGroup(child, "SIGKILL"));
  process.on("exit", stopAll);
  const backend = await startStandaloneBackend({
    config: FAST_PACING,
    port: options.ports.backend,
  });
  const stockDir = await mkdtemp(path.join(os.tmpdir(), "proxy-stock-"));
  try {
    const build = await ensureBuild(children, "Proxy deployed");
    const stockBuildSeconds = await buildBareApp(stockDir, STOCK_FILES, children, "Proxy deployed");
    const requestId = await completedRequest(backend.url);

    const live = {
      FAL_KEY: BENCH_KEY,
      FAL_UPSTREAM_URL: backend.url,
      RUNS_PER_MINUTE: "unlimited",
      DAILY_BUDGET_USD: "unlimited",
    };
    await startServer(options.ports.app, children, { ...live, ALLOW_PUBLIC_ACCESS: "true" });
    const gatedEnv = { ...live, ACCESS_PASSWORD: PASSWORD, SESSION_SECRET };
    await startServer(options.ports.gated, children, gatedEnv);
    const cookie = `playground_session=${await sealSession(parseServerEnv(gatedEnv))}`;
    await startBareApp(stockDir, options.ports.stock, "/", children, {
      FAL_KEY: BENCH_KEY,
      BENCH_BACKEND_URL: backend.url,
    });
    const stock = { url: `http://127.0.0.1:${options.ports.stock}` };

    const app = (port: number) => `http://127.0.0.1:${port}`;
    const targets: Target[] = [
      {
        name: "direct",
        endpoint: (kind) => ({
          url: `${backend.url}${requestPath(kind, requestId)}`,
          headers: { authorization: `Key ${BENCH_KEY}`, accept: "application/json" },
        }),
      },
      proxied("ours", `${app(options.ports.app)}${PROXY_ROUTE}`, requestId),
      proxied("ours gated", `${app(options.ports.gated)}${PROXY_ROUTE}`, requestId, { cookie }),
      proxied("stock", `${stock.url}/api/fal/proxy`, requestId),
      proxied("stock + proxy.ts", `${stock.url}/api/mw/fal/proxy`, requestId),
      proxied("stock + nonce proxy.ts", `${stock.url}/api/csp/fal/proxy`, requestId),
      proxied("forward only", `${stock.url}/api/forward`, requestId),
      proxied("forward only (pages API)", `${stock.url}/api/forward-pages`, requestId),
    ];

    const samples = await measure(targets, options);
    const cells = cellsOf(samples);
    const comparisons = compare(cells, options);
    return {
      name: "proxy-deployed",
      options,
      build,
      stockBuildSeconds: stockBuildSeconds,
      goal: {
        definition: `through next start, p50(ours) <= ${options.goalRatio} x p50(stock) and p50(ours) - p50(direct) <= ${options.goalAddedMs} ms, for every request kind and concurrency`,
        pass: comparisons.every((c) => c.pass),
      },
      cells,
      comparisons,
      notes: [
        "Every server is a `next start` production build in its own process; the backend and the load generator share this process, so 'direct' includes the client's own cost, which 'added' subtracts.",
        "Targets are interleaved in rounds, each round in a rotated order, so drift in machine load lands on all alike. The machine is shared: compare within a run, not across runs.",
        "The stock app maps fal's hosts onto the local backend in instrumentation.ts (a prefix check per fetch); ours reaches it through FAL_UPSTREAM_URL.",
        "'ours gated' sends a valid session cookie (ACCESS_PASSWORD set): the price of the session check.",
        "'forward only' is a Next route that forwards with fetch and checks nothing: 'floor added' is what Next's routing and request/response adapters cost before any proxy code. 'forward only (pages API)' does the same as a Pages Router API route, which gets Node's request and response as they are.",
        `Builds: the app ${build.rebuilt ? `${build.seconds.toFixed(0)} s` : "reused"}, the stock app ${stockBuildSeconds.toFixed(0)} s (not in the bench's duration).`,
      ],
      durationSeconds: (performance.now() - started) / 1000 - build.seconds - stockBuildSeconds,
    };
  } finally {
    await Promise.all([...children].map((child) => stopChild(child)));
    await backend.close();
    await rm(stockDir, { recursive: true, force: true });
    process.off("exit", stopAll);
  }
}

function proxied(
  name: DeployedTarget,
  url: string,
  requestId: string,
  extra: Record<string, string> = {},
): Target {
  return {
    name,
    endpoint: (kind) => ({
      url,
      headers: {
        "x-fal-target-url": `https://queue.fal.run${requestPath(kind, requestId)}`,
        accept: "application/json",
        ...extra,
      },
    }),
  };
}

interface Samples {
  kind: RequestKind;
  concurrency: number;
  target: DeployedTarget;
  latencies: number[];
  wallMs: number;
}

async function measure(targets: Target[], options: ProxyDeployedOptions): Promise<Samples[]> {
  const cells = new Map<string, Samples>();
  const expectedBytes = new Map<RequestKind, number>();
  const load = (target: Target, kind: RequestKind, concurrency: number, count: number) =>
    ({
      endpoint: target.endpoint(kind),
      count,
      concurrency,
      expectedBytes,
      kind,
      label: target.name,
    }) as const;

  for (const concurrency of options.concurrencies)
    for (const kind of KINDS)
      for (const target of targets)
        await runLoad(load(target, kind, concurrency, options.warmup), fetch, []);

  for (let round = 0; round < options.rounds; round++) {
    console.log(`Proxy deployed: round ${round + 1} of ${options.rounds}.`);
    for (const concurrency of options.concurrencies) {
      const perRound = Math.ceil((options.requests[concurrency] ?? 0) / options.rounds);
      for (const kind of KINDS) {
        for (const target of rotate(targets, round)) {
          const key = `${kind}|${concurrency}|${target.name}`;
          let cell = cells.get(key);
          if (!cell) {
            cell = { kind, concurrency, target: target.name, latencies: [], wallMs: 0 };
            cells.set(key, cell);
          }
          cell.wallMs += await runLoad(
            load(target, kind, concurrency, perRound),
            fetch,
            cell.latencies,
          );
        }
      }
    }
  }
  return [...cells.values()];
}

function cellsOf(samples: Samples[]): DeployedCell[] {
  const summarized = samples.map((s) => ({ ...s, latencyMs: summarize(s.latencies, s.wallMs) }));
  return summarized.map((cell) => {
    const direct = summarized.find(
      (s) => s.target === "direct" && s.kind === cell.kind && s.concurrency === cell.concurrency,
    )!;
    return {
      kind: cell.kind,
      concurrency: cell.concurrency,
      target: cell.target,
      latencyMs: cell.latencyMs,
      addedP50Ms: cell.latencyMs.p50 - direct.latencyMs.p50,
    };
  });
}

function compare(cells: DeployedCell[], options: ProxyDeployedOptions): DeployedComparison[] {
  return cells
    .filter((cell) => cell.target === "ours")
    .map((ours) => {
      const find = (target: DeployedTarget) =>
        cells.find(
          (c) => c.target === target && c.kind === ours.kind && c.concurrency === ours.concurrency,
        )!;
      const stock = find("stock");
      const ratio = ours.latencyMs.p50 / stock.latencyMs.p50;
      return {
        kind: ours.kind,
        concurrency: ours.concurrency,
        oursP50Ms: ours.latencyMs.p50,
        stockP50Ms: stock.latencyMs.p50,
        ratio,
        oursAddedP50Ms: ours.addedP50Ms,
        floorAddedP50Ms: find("forward only").addedP50Ms,
        pass: ratio <= options.goalRatio && ours.addedP50Ms <= options.goalAddedMs,
      };
    });
}

export function formatProxyDeployed(result: ProxyDeployedResult): string {
  const ms = (value: number) => value.toFixed(2);
  return [
    "Proxy as deployed (next start; ms; 'added' = p50 of the target minus p50 of direct)",
    table(
      ["kind", "conc", "target", "n", "p50", "p99", "mean", "req/s", "added p50"],
      result.cells.map((c) => [
        c.kind,
        String(c.concurrency),
        c.target,
        String(c.latencyMs.count),
        ms(c.latencyMs.p50),
        ms(c.latencyMs.p99),
        ms(c.latencyMs.mean),
        c.latencyMs.rps.toFixed(0),
        c.target === "direct" ? "-" : ms(c.addedP50Ms),
      ]),
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
        "floor added",
        "verdict",
      ],
      result.comparisons.map((c) => [
        c.kind,
        String(c.concurrency),
        ms(c.oursP50Ms),
        ms(c.stockP50Ms),
        c.ratio.toFixed(3),
        ms(c.oursAddedP50Ms),
        ms(c.floorAddedP50Ms),
        c.pass ? "PASS" : "FAIL",
      ]),
    ),
    ...verdictAndNotes(result.goal.pass, result.notes),
  ].join("\n");
}

// `tsx --conditions=react-server bench/proxy-deployed.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchProxyDeployed();
  console.log(formatProxyDeployed(result));
}
