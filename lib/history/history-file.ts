/**
 * The exported history file: its shape, and how one is read back. Reading is strict about what
 * could cost or mislead (a run still on its way is never imported: the page would send or follow
 * it as if it were its own) and lenient about the rest (an older file's runs are brought up to
 * date, an unreadable entry is skipped and counted).
 */
import { z } from "zod";
import { endpointOf } from "@/lib/endpoint";
import { imageFileSchema, inputSchemaFor } from "@/lib/endpoint/schema";
import { isShownImageType } from "@/lib/images/shown-types";
import type { RunErrorCode } from "@/lib/runs/run-error";
import type { Recipe } from "@/lib/recipe/recipe";
import type { OwnedShare } from "@/lib/shares/owned-share";
import { fromLegacyError, isLegacyError } from "./legacy-error";
import { isUnfinished, MAX_STORED_LOG_LINES, type LogLine, type RunRecord } from "./run-record";
import { readStars } from "./stars";

export const HISTORY_FORMAT = "hidream-playground-history";

/**
 * An owned share as found in an exported history file (anything else is skipped on import). The
 * last summary is left out: it is a cache the next status call refills, and an old file's copy
 * is not worth trusting to render.
 */
const ownedShareSchema = z.object({
  id: z.string().min(1).max(40),
  secret: z.string().min(1).max(100),
  title: z.string().max(200),
  // The share page's own path, as the app made it: "Copy link" and "Open" are built from it.
  path: z.string().regex(/^\/s\/[A-Za-z0-9_-]{22}$/),
  createdAt: z.number(),
  expiresAt: z.number().nullable(),
  images: z.array(z.object({ key: z.string(), imageId: z.string() })),
  seenFeedback: z.number().int().min(0).catch(0),
});

export interface HistoryFile {
  format: typeof HISTORY_FORMAT;
  version: number;
  exportedAt: string;
  runs: (RunRecord & { recipes: Recipe[]; logs: LogLine[] })[];
  /** Since version 3; with each share's owner secret. */
  shares: OwnedShare[];
}

export interface ParsedHistoryFile {
  runs: { run: RunRecord; logs: LogLine[] }[];
  shares: OwnedShare[];
  /** Entries that could not be read, or that are not imported (unfinished runs). */
  skipped: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A time the app measured: a whole number of ms that a Date can hold. */
const time = z.int().min(0).max(8.64e15);
/**
 * Where a result is: fal's (or the demo's) http(s) URL, or the image itself inline (sync mode).
 * Nothing else: a file is anyone's, and these URLs become image sources, links and downloads.
 */
const resultUrl = z.string().refine((url) => {
  if (/^https?:\/\//i.test(url)) return true;
  const inline = /^data:([^;,]+);base64,/i.exec(url);
  return inline !== null && isShownImageType(inline[1]!);
});

/**
 * An imported run's parts, as the gallery renders them. A file is anyone's, and one malformed run
 * would otherwise break the page on every load: what renders must have the shape it expects.
 */
const importedRunSchema = z.object({
  id: z.string().min(1).max(100),
  requestId: z.string().max(200).optional().catch(undefined),
  endpointId: z.string().max(200).optional().catch(undefined),
  grid: z
    .object({
      id: z.string().max(100),
      row: z.int().min(0).max(99),
      col: z.int().min(0).max(99),
      rows: z.array(z.string().max(500)).max(100),
      cols: z.array(z.string().max(500)).max(100),
    })
    .optional()
    .catch(undefined),
  phase: z.enum(["completed", "failed", "cancelled"]),
  output: z
    .object({
      images: z.array(imageFileSchema.extend({ url: resultUrl })).max(16),
      seed: z.int().min(0),
      has_nsfw_concepts: z.array(z.boolean()).max(16).catch([]),
      prompt: z.string().catch(""),
      timings: z.record(z.string(), z.number()).catch({}),
    })
    .optional(),
  error: z
    .object({
      // A code this version does not know is shown as an unknown error (describeError).
      code: z
        .string()
        .max(100)
        .transform((code) => code as RunErrorCode),
      detail: z.string().max(10_000).catch(""),
      fields: z.record(z.string(), z.string()).optional().catch(undefined),
      status: z.int().optional().catch(undefined),
      falType: z.string().max(200).optional().catch(undefined),
    })
    .optional(),
  cancelRequested: z.boolean().optional().catch(undefined),
  submittedAt: time,
  startedAt: time.optional().catch(undefined),
  completedAt: time.optional().catch(undefined),
});

const logLineSchema = z.object({
  message: z.string().max(10_000),
  level: z.string().max(40),
  timestamp: z.string().max(40),
});

function readRun(value: unknown): { run: RunRecord; logs: LogLine[] } | undefined {
  if (!isObject(value)) return undefined;
  const { recipes: _recipes, logs, starred, input, ...record } = value;
  // Runs still on their way are never imported: the page would send or follow them as its own.
  if (typeof record.phase === "string" && isUnfinished({ phase: record.phase } as RunRecord))
    return undefined;
  const error: unknown = record.error;
  const parsed = importedRunSchema.safeParse({
    ...record,
    error: isLegacyError(error) ? fromLegacyError(error) : error,
  });
  if (!parsed.success) return undefined;
  // The input as it was sent, once the endpoint's schema accepts it, with only the fields it knows.
  const schema = inputSchemaFor(endpointOf(parsed.data).model);
  if (!isObject(input) || !schema.safeParse(input).success) return undefined;
  const sent = Object.fromEntries(
    Object.entries(input).filter(([key]) => Object.hasOwn(schema.shape, key)),
  ) as RunRecord["input"];
  const run: RunRecord = { ...parsed.data, input: sent };
  const stars = readStars(starred, run.output?.images.length ?? 0);
  if (stars) run.starred = stars;
  const lines = Array.isArray(logs) ? logs : [];
  return {
    run,
    logs: lines
      .flatMap((line) => {
        const checked = logLineSchema.safeParse(line);
        return checked.success ? [checked.data] : [];
      })
      .slice(-MAX_STORED_LOG_LINES),
  };
}

/** The runs and shares in an exported file, or why it cannot be read. */
export function parseHistoryFile(
  text: string,
  currentVersion: number,
): ParsedHistoryFile | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: "This file is not JSON: choose a history file exported from the playground." };
  }
  if (!isObject(value) || value.format !== HISTORY_FORMAT || !Array.isArray(value.runs))
    return { error: "This is not a playground history file." };
  if (typeof value.version !== "number" || value.version > currentVersion)
    return { error: "This history file was made by a newer version of the playground." };
  const parsed: ParsedHistoryFile = { runs: [], shares: [], skipped: 0 };
  for (const entry of value.runs) {
    const run = readRun(entry);
    if (run) parsed.runs.push(run);
    else parsed.skipped++;
  }
  for (const entry of Array.isArray(value.shares) ? value.shares : []) {
    const share = ownedShareSchema.safeParse(entry);
    if (share.success) parsed.shares.push(share.data);
    else parsed.skipped++;
  }
  return parsed;
}
