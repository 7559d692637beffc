/**
 * What the proxy lets through: exactly the calls the playground makes for its one endpoint, and
 * nothing else (fal-protocol.md §2). Everything is matched on a parsed URL and rebuilt from the
 * parts we checked, so no stray query, port, user name or path segment can ride along.
 * Multipart uploads are not among them: they are for files over 90 MiB, and the composer never
 * uploads more than a prepared reference of a few MB.
 */
import { ENDPOINT_APP, ENDPOINTS, endpointById, type EndpointSpec } from "@/lib/endpoint";

export type CallKind = "submit" | "status" | "stream" | "result" | "cancel" | "initiate";

export interface AllowedCall {
  kind: CallKind;
  method: "GET" | "POST" | "PUT";
  /** The normalized fal URL the call goes to. */
  url: URL;
  /** For a submit: the catalog endpoint it runs (its schema and price apply). */
  endpoint?: EndpointSpec;
}

export interface Refusal {
  status: number;
  detail: string;
}

const QUEUE_HOST = "queue.fal.run";
const REST_HOST = "rest.fal.ai";
const STORAGE_TYPE = "fal-cdn-v3";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

interface Rule {
  kind: CallKind;
  method: "GET" | "POST" | "PUT";
  host: string;
  path: RegExp;
  /** Query parameters kept, each with the values it may take; all others are dropped. */
  query: Record<string, readonly string[]>;
}

const requests = `/${ENDPOINT_APP}/requests/(${UUID})`;
/** Exactly the catalog's endpoints: a sibling (…/edit, …/dev) is not one of them. */
const SUBMIT_PATH = new RegExp(
  `^/(${Object.values(ENDPOINTS)
    .map((spec) => spec.id.replaceAll("/", "\\/"))
    .join("|")})$`,
);
const RULES: readonly Rule[] = [
  // `?fal_webhook=` is not in the list: a stranger's webhook never gets our results.
  {
    kind: "submit",
    method: "POST",
    host: QUEUE_HOST,
    path: SUBMIT_PATH,
    query: {},
  },
  {
    kind: "status",
    method: "GET",
    host: QUEUE_HOST,
    path: new RegExp(`^${requests}/status$`),
    query: { logs: ["0", "1"] },
  },
  {
    kind: "stream",
    method: "GET",
    host: QUEUE_HOST,
    path: new RegExp(`^${requests}/status/stream$`),
    query: { logs: ["0", "1"] },
  },
  { kind: "result", method: "GET", host: QUEUE_HOST, path: new RegExp(`^${requests}$`), query: {} },
  {
    kind: "cancel",
    method: "PUT",
    host: QUEUE_HOST,
    path: new RegExp(`^${requests}/cancel$`),
    query: {},
  },
  {
    kind: "initiate",
    method: "POST",
    host: REST_HOST,
    path: /^\/storage\/upload\/initiate$/,
    query: { storage_type: [STORAGE_TYPE] },
  },
];

/** Decides whether a proxied call may pass, from its method and `x-fal-target-url`. */
export function checkTarget(method: string, target: string | null): AllowedCall | Refusal {
  if (!target)
    return {
      status: 400,
      detail: "Missing x-fal-target-url header: this route only relays fal client calls.",
    };
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { status: 400, detail: "x-fal-target-url is not a valid URL." };
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port || url.hash) {
    return { status: 403, detail: "This proxy only relays https calls to fal's own hosts." };
  }
  const candidates = RULES.filter(
    (rule) => rule.host === url.hostname && rule.path.test(url.pathname),
  );
  if (!candidates.length) {
    return {
      status: 403,
      detail: `This proxy only relays calls for ${Object.values(ENDPOINTS)
        .map((spec) => spec.id)
        .join(
          " and ",
        )} and single-file image uploads to fal storage; ${url.hostname}${url.pathname} is not one of them.`,
    };
  }
  const rule = candidates.find((r) => r.method === method.toUpperCase());
  if (!rule) {
    return {
      status: 405,
      detail: `${method.toUpperCase()} is not allowed for ${url.hostname}${url.pathname}.`,
    };
  }
  const clean = new URL(`https://${rule.host}${url.pathname}`);
  for (const [name, allowed] of Object.entries(rule.query)) {
    const value = url.searchParams.get(name);
    if (value !== null && allowed.includes(value)) clean.searchParams.set(name, value);
    else if (rule.kind === "initiate") {
      return { status: 400, detail: `Storage uploads must use storage_type=${STORAGE_TYPE}.` };
    }
  }
  const endpoint = rule.kind === "submit" ? endpointById(url.pathname.slice(1)) : undefined;
  return { kind: rule.kind, method: rule.method, url: clean, ...(endpoint && { endpoint }) };
}

export function isRefusal(value: AllowedCall | Refusal): value is Refusal {
  return "status" in value;
}

/** The longest a file stored with the key may be asked to live: 30 days, as fal's own presets go. */
export const MAX_OBJECT_LIFETIME_SECONDS = 30 * 24 * 60 * 60;

/**
 * A lifecycle preference rebuilt from what we checked: only an expiry within a day and 30 days
 * (never a century, never an ACL), or nothing at all, which leaves fal's default.
 */
function boundedLifecycle(value: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  const seconds = (parsed as { expiration_duration_seconds?: unknown } | null)
    ?.expiration_duration_seconds;
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) return undefined;
  const bounded = Math.min(MAX_OBJECT_LIFETIME_SECONDS, Math.max(86_400, Math.round(seconds)));
  return JSON.stringify({ expiration_duration_seconds: bounded });
}

/**
 * The `x-fal-*` headers the real client sends, each with the calls it belongs to and the value
 * that goes upstream (undefined drops it). The target URL header is consumed by the proxy itself;
 * any other x-fal header is dropped.
 */
const FORWARDED_FAL_HEADERS: Record<
  string,
  { calls: readonly CallKind[]; value: (v: string) => string | undefined }
> = {
  "x-fal-queue-priority": {
    calls: ["submit"],
    value: (v) => (v === "normal" || v === "low" ? v : undefined),
  },
  "x-fal-runner-hint": {
    calls: ["submit"],
    value: (v) => (/^[\w.:-]{1,128}$/.test(v) ? v : undefined),
  },
  "x-fal-request-timeout": {
    calls: ["submit"],
    value: (v) => (/^\d{1,6}(\.\d+)?$/.test(v) ? v : undefined),
  },
  "x-fal-object-lifecycle-preference": { calls: ["submit"], value: boundedLifecycle },
  "x-fal-object-lifecycle": { calls: ["initiate"], value: boundedLifecycle },
};

/** The client's x-fal-* headers that may go upstream with this call, lower-cased, values checked. */
export function forwardedFalHeaders(headers: Headers, kind: CallKind): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, rule] of Object.entries(FORWARDED_FAL_HEADERS)) {
    const raw = headers.get(name);
    const value = raw === null || !rule.calls.includes(kind) ? undefined : rule.value(raw);
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}
