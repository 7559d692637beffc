/**
 * Code to call the endpoint outside the playground: cURL, JavaScript (`@fal-ai/client`) and
 * Python (`fal-client`), each for exactly the input the playground would send. The only
 * credential text is the `$FAL_KEY` placeholder or a comment saying where the key comes from.
 */
import { DEFAULT_MODEL, ENDPOINT_APP, ENDPOINTS, type ModelId } from "./catalog";
import { editInputSchema, type EditInput } from "./schema";

export type SnippetLanguage = "curl" | "javascript" | "python";

export const SNIPPET_LANGUAGES: readonly { id: SnippetLanguage; label: string }[] = [
  { id: "curl", label: "cURL" },
  { id: "javascript", label: "JavaScript" },
  { id: "python", label: "Python" },
];

/** Data URIs longer than this are shown as a placeholder: pasted inline they bury the snippet. */
export const MAX_DATA_URI_CHARS = 200;

const QUEUE_URL = "https://queue.fal.run";
const MAX_INLINE_WIDTH = 80;
const FIELD_ORDER: readonly string[] = Object.keys(editInputSchema.shape);

type Scalar = null | boolean | number | string;
type Plain = Scalar | Plain[] | PlainObject;
/** Entries rather than an object, so that keys like "1" keep their place. */
interface PlainObject {
  entries: [string, Plain][];
}

interface Dialect {
  indent: string;
  key(name: string): string;
  literal(value: Scalar): string;
  /** The braces of an object written on one line, e.g. `{ a: 1 }` or `{"a": 1}`. */
  inlineObject(body: string): string;
  trailingComma: boolean;
}

// JSON strings are valid JavaScript and Python string literals too: both accept `\"`, `\\`,
// `\n`, `\uXXXX` and raw non-ASCII, so one escaper serves all three languages.
const jsonLiteral = (value: Scalar): string =>
  typeof value === "number" && !Number.isFinite(value) ? "null" : JSON.stringify(value);

const JSON_DIALECT: Dialect = {
  indent: "  ",
  key: (name) => JSON.stringify(name),
  literal: jsonLiteral,
  inlineObject: (body) => `{${body}}`,
  trailingComma: false,
};

const JS_DIALECT: Dialect = {
  indent: "  ",
  key: (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)),
  literal: jsonLiteral,
  inlineObject: (body) => `{ ${body} }`,
  trailingComma: true,
};

const PYTHON_DIALECT: Dialect = {
  indent: "    ",
  key: (name) => JSON.stringify(name),
  literal: (value) => {
    if (value === null) return "None";
    if (typeof value === "boolean") return value ? "True" : "False";
    const literal = jsonLiteral(value);
    return literal === "null" ? "None" : literal;
  },
  inlineObject: (body) => `{${body}}`,
  trailingComma: true,
};

/** Turns a value into plain data as JSON would send it, shortening long data URIs. */
function toPlain(value: unknown, shortened: { count: number }): Plain | undefined {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") {
    return undefined;
  }
  if (value === null || typeof value === "boolean" || typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") {
    if (!value.startsWith("data:") || value.length <= MAX_DATA_URI_CHARS) return value;
    shortened.count += 1;
    const kb = Math.max(1, Math.round(value.length / 1024));
    return `<data URI of ${kb} KB, shortened: upload the file and use its URL>`;
  }
  if (Array.isArray(value)) return value.map((item) => toPlain(item, shortened) ?? null);
  return objectToPlain(Object.entries(value as Record<string, unknown>), shortened);
}

function objectToPlain(entries: [string, unknown][], shortened: { count: number }): PlainObject {
  const out: [string, Plain][] = [];
  for (const [key, value] of entries) {
    const plain = toPlain(value, shortened);
    if (plain !== undefined) out.push([key, plain]);
  }
  return { entries: out };
}

function isContainer(value: Plain): value is Plain[] | PlainObject {
  return Array.isArray(value) || (typeof value === "object" && value !== null);
}

/** Prints `value` at nesting `depth`; `column` is where it starts, to decide on one line. */
function print(value: Plain, d: Dialect, depth: number, column: number, multiline = false): string {
  if (!isContainer(value)) return d.literal(value);
  const isArray = Array.isArray(value);
  const items: [string, Plain][] = isArray
    ? value.map((item): [string, Plain] => ["", item])
    : value.entries;
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  if (items.length === 0) return open + close;
  const head = (key: string) => (isArray ? "" : `${d.key(key)}: `);

  if (!multiline && !items.some(([, item]) => isContainer(item))) {
    const body = items.map(([key, item]) => head(key) + d.literal(item as Scalar)).join(", ");
    const inline = isArray ? `[${body}]` : d.inlineObject(body);
    if (column + inline.length <= MAX_INLINE_WIDTH) return inline;
  }
  const pad = d.indent.repeat(depth + 1);
  const lines = items.map(([key, item]) => {
    const prefix = pad + head(key);
    return prefix + print(item, d, depth + 1, prefix.length);
  });
  const body = lines.join(",\n") + (d.trailingComma ? "," : "");
  return `${open}\n${body}\n${d.indent.repeat(depth)}${close}`;
}

/** The input's entries in the schema's field order, unknown keys after, `undefined` dropped. */
function orderedEntries(input: EditInput): [string, unknown][] {
  const entries = Object.entries(input);
  const rank = (key: string) => {
    const index = FIELD_ORDER.indexOf(key);
    return index === -1 ? FIELD_ORDER.length : index;
  };
  // Array.prototype.sort is stable, so unknown keys keep the caller's order.
  return entries.sort(([a], [b]) => rank(a) - rank(b));
}

/** Quotes `text` for POSIX shells: inside single quotes only `'` needs care, as `'\''`. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function curlSnippet(input: PlainObject, shortened: number, endpointId: string): string {
  const data = print(input, JSON_DIALECT, 0, 0, true);
  return [
    "# Reads your key from the FAL_KEY environment variable.",
    ...(shortened > 0
      ? [
          "# A data: URI reference is shortened below: upload the file to fal storage",
          "# (fal.storage.upload in JavaScript, fal_client.upload_file in Python) and use its URL.",
        ]
      : []),
    "curl --request POST \\",
    `  --url ${QUEUE_URL}/${endpointId} \\`,
    '  --header "Authorization: Key $FAL_KEY" \\',
    '  --header "Content-Type: application/json" \\',
    `  --data ${shellQuote(data)}`,
    "# The answer holds a request_id; poll .../requests/$REQUEST_ID/status until COMPLETED,",
    `# then: curl -H "Authorization: Key $FAL_KEY" ${QUEUE_URL}/${ENDPOINT_APP}/requests/$REQUEST_ID`,
  ].join("\n");
}

function javascriptSnippet(input: PlainObject, shortened: number, endpointId: string): string {
  const literal = print(input, JS_DIALECT, 1, "  input: ".length, true);
  return [
    'import { fal } from "@fal-ai/client";',
    "",
    "// The client reads FAL_KEY from the environment. Run this on a server: never put",
    "// your key in browser code (in the browser, route requests through a proxy).",
    ...(shortened > 0
      ? [
          "// A data: URI reference is shortened below: upload the file with",
          "// fal.storage.upload(file) and pass the URL it returns.",
        ]
      : []),
    `const result = await fal.subscribe(${JSON.stringify(endpointId)}, {`,
    `  input: ${literal},`,
    "  logs: true,",
    "  onQueueUpdate: (update) => {",
    '    if (update.status === "IN_PROGRESS") {',
    "      update.logs.map((log) => log.message).forEach(console.log);",
    "    }",
    "  },",
    "});",
    "console.log(result.data);",
    "console.log(result.requestId);",
  ].join("\n");
}

function pythonSnippet(input: PlainObject, shortened: number, endpointId: string): string {
  const literal = print(input, PYTHON_DIALECT, 1, "    arguments=".length, true);
  return [
    "import fal_client",
    "",
    "# fal_client reads FAL_KEY from the environment: set it there, not in this file.",
    "",
    "def on_queue_update(update):",
    "    if isinstance(update, fal_client.InProgress):",
    "        for log in update.logs:",
    '            print(log["message"])',
    "",
    ...(shortened > 0
      ? [
          "# A data: URI reference is shortened below: upload the file with",
          "# fal_client.upload_file(path) and pass the URL it returns.",
        ]
      : []),
    "result = fal_client.subscribe(",
    `    ${JSON.stringify(endpointId)},`,
    `    arguments=${literal},`,
    "    with_logs=True,",
    "    on_queue_update=on_queue_update,",
    ")",
    "print(result)",
  ].join("\n");
}

/**
 * A ready-to-run snippet in `language` that sends exactly `input` (keys in schema order) to the
 * model's endpoint (Dev unless said).
 */
export function apiSnippet(
  language: SnippetLanguage,
  input: EditInput,
  model: ModelId = DEFAULT_MODEL,
): string {
  const shortened = { count: 0 };
  const plain = objectToPlain(orderedEntries(input), shortened);
  const { id } = ENDPOINTS[model];
  switch (language) {
    case "curl":
      return curlSnippet(plain, shortened.count, id);
    case "javascript":
      return javascriptSnippet(plain, shortened.count, id);
    case "python":
      return pythonSnippet(plain, shortened.count, id);
  }
}
