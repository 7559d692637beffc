/**
 * The exported history file: its shape, and how one is read back. Reading is strict about what
 * could cost or mislead (a run still on its way is never imported: the page would send or follow
 * it as if it were its own) and lenient about the rest (an older file's runs are brought up to
 * date, an unreadable entry is skipped and counted).
 */
import { z } from "zod";
import type { Recipe } from "@/lib/recipe/recipe";
import type { OwnedShare } from "@/lib/shares/owned-share";
import { fromLegacyError, isLegacyError } from "./legacy-error";
import { isUnfinished, type LogLine, type RunRecord } from "./run-record";
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
  path: z.string().max(200),
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

function readRun(value: unknown): { run: RunRecord; logs: LogLine[] } | undefined {
  if (!isObject(value)) return undefined;
  const { recipes: _recipes, logs, ...record } = value;
  const input = record.input;
  if (
    typeof record.id !== "string" ||
    typeof record.submittedAt !== "number" ||
    typeof record.phase !== "string" ||
    !isObject(input) ||
    typeof input.prompt !== "string"
  )
    return undefined;
  const { starred, ...rest } = record as unknown as RunRecord;
  const images = rest.output?.images;
  const stars = readStars(starred, Array.isArray(images) ? images.length : 0);
  const run: RunRecord = stars ? { ...rest, starred: stars } : rest;
  if (isUnfinished(run)) return undefined;
  const error: unknown = run.error;
  return {
    run: isLegacyError(error) ? { ...run, error: fromLegacyError(error) } : run,
    logs: Array.isArray(logs) ? (logs as LogLine[]) : [],
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
