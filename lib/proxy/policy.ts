/**
 * What the proxy lets through: exactly the calls the playground makes for its one endpoint, and
 * nothing else (fal-protocol.md §2). Everything is matched on a parsed URL and rebuilt from the
 * parts we checked, so no stray query, port, user name or path segment can ride along.
 */
import { ENDPOINT_APP, ENDPOINT_ID } from "@/lib/endpoint";

export type CallKind =
  "submit" | "status" | "stream" | "result" | "cancel" | "initiate" | "initiate-multipart";

export interface AllowedCall {
  kind: CallKind;
  /** The normalized fal URL the call goes to. */
  url: URL;
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
const RULES: readonly Rule[] = [
  // `?fal_webhook=` is not in the list: a stranger's webhook never gets our results.
  {
    kind: "submit",
    method: "POST",
    host: QUEUE_HOST,
    path: new RegExp(`^/${ENDPOINT_ID}$`),
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
  {
    kind: "initiate-multipart",
    method: "POST",
    host: REST_HOST,
    path: /^\/storage\/upload\/initiate-multipart$/,
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
      detail: `This proxy only relays calls for ${ENDPOINT_ID} and fal storage uploads; ${url.hostname}${url.pathname} is not one of them.`,
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
    else if (rule.kind === "initiate" || rule.kind === "initiate-multipart") {
      return { status: 400, detail: `Storage uploads must use storage_type=${STORAGE_TYPE}.` };
    }
  }
  return { kind: rule.kind, url: clean };
}

export function isRefusal(value: AllowedCall | Refusal): value is Refusal {
  return "status" in value;
}

/**
 * The `x-fal-*` headers the real client sends, each with the values it may carry. The target URL
 * header is consumed by the proxy itself; any other x-fal header is dropped.
 */
const FORWARDED_FAL_HEADERS: Record<string, (value: string) => boolean> = {
  "x-fal-queue-priority": (v) => v === "normal" || v === "low",
  "x-fal-runner-hint": (v) => /^[\w.:-]{1,128}$/.test(v),
  "x-fal-request-timeout": (v) => /^\d{1,6}(\.\d+)?$/.test(v),
  "x-fal-object-lifecycle-preference": (v) => v.length <= 512,
  "x-fal-object-lifecycle": (v) => v.length <= 512,
};

/** The client's x-fal-* headers that may go upstream, lower-cased, values checked. */
export function forwardedFalHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, valid] of Object.entries(FORWARDED_FAL_HEADERS)) {
    const value = headers.get(name);
    if (value !== null && valid(value)) kept[name] = value;
  }
  return kept;
}
