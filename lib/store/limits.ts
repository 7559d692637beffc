/**
 * The limits slice: the caller's runs this minute and today's budget, as /api/limits last said.
 * Transient: never persisted, since stale limits would disable Run for no reason.
 */
import type { StateCreator } from "zustand";
import { fetchLimits, type LimitsUsage } from "@/lib/fal/limits";
import type { PlaygroundState } from "./playground-store";

export interface LimitsSlice {
  /** The last usage read; null until the first answer (or when there are no limits to read). */
  limits: LimitsUsage | null;
  /** When the limits were last asked for, answered or not, so the next check can be timed. */
  limitsCheckedAt: number;
  /** Reads the limits again; a failed read keeps the last usage known. */
  refreshLimits(): Promise<void>;
}

export const createLimitsSlice: StateCreator<PlaygroundState, [], [], LimitsSlice> = (set) => {
  // Reads can overlap (a timer and a submit): only the newest one's answer is kept.
  let latest = 0;
  return {
    limits: null,
    limitsCheckedAt: 0,
    async refreshLimits() {
      const ticket = ++latest;
      const result = await fetchLimits();
      if (ticket !== latest) return;
      set(
        "error" in result
          ? { limitsCheckedAt: Date.now() }
          : { limits: result, limitsCheckedAt: Date.now() },
      );
    },
  };
};
