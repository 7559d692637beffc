/**
 * When a followed run has gone quiet: fal (or the way to it) has said nothing for a while. The
 * card says so, with no extra status requests: the time comes from the events already received.
 */
import { isInFlight } from "@/lib/history/run-record";
import type { Run } from "./engine";

/** Quiet for this long is worth a word: steps arrive every second or two while a run renders. */
export const SILENCE_NOTICE_MS = 20_000;

/** How long a run being followed has heard nothing, once that passes the notice; else undefined. */
export function silenceOf(run: Run, now: number): number | undefined {
  if (!isInFlight(run) || run.waiting || run.heardAt === undefined) return undefined;
  const quiet = now - run.heardAt;
  return quiet >= SILENCE_NOTICE_MS ? quiet : undefined;
}

/** "over 20 s", then "over 1 min", "over 2 min": coarse, so a screen reader hears it rarely. */
export function silenceText(quietMs: number): string {
  const minutes = Math.floor(quietMs / 60_000);
  return minutes < 1 ? `over ${SILENCE_NOTICE_MS / 1000} s` : `over ${minutes} min`;
}
