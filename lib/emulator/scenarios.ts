/**
 * Failures the demo backend plays on demand. A directive such as `[demo:422]` anywhere in the
 * prompt picks one; it travels through the real client and proxy like any prompt text, so tests
 * and live demos exercise the same path a real fal failure takes.
 */

export type Scenario =
  | "slow" // waits in the queue for a while, showing positions
  | "hang" // runs and never finishes, until cancelled
  | "quiet" // starts, then says nothing (no logs, no status change) until cancelled
  | "late" // a cancel arrives too late: the run finishes anyway
  | "nsfw" // every image is flagged by the safety checker
  | "422" // the model rejects the input (field error on the prompt)
  | "500" // fal's infrastructure fails the job
  | "401" // submit refused: bad key
  | "403" // submit refused: exhausted balance
  | "429"; // submit refused: rate limited

export const SCENARIOS: readonly Scenario[] = [
  "slow",
  "hang",
  "quiet",
  "late",
  "nsfw",
  "422",
  "500",
  "401",
  "403",
  "429",
];

const DIRECTIVE = /\[demo:([a-z0-9]+)\]/gi;

/** The scenarios named in a prompt. */
export function scenariosIn(prompt: unknown): Set<Scenario> {
  const found = new Set<Scenario>();
  if (typeof prompt !== "string") return found;
  for (const match of prompt.matchAll(DIRECTIVE)) {
    const name = match[1]!.toLowerCase() as Scenario;
    if (SCENARIOS.includes(name)) found.add(name);
  }
  return found;
}

/** Answers fal gives when it refuses a submit outright (bodies as fal documents them). */
export const SUBMIT_REFUSALS: Partial<Record<Scenario, { status: number; detail: string }>> = {
  "401": { status: 401, detail: "No user found for Key ID and Secret" },
  "403": {
    status: 403,
    detail:
      "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.",
  },
  "429": { status: 429, detail: "Rate limit exceeded. Too many concurrent requests." },
};

/**
 * The documented, deterministic safety rule of the demo backend: with the safety checker on,
 * an image is flagged when the prompt carries `[demo:nsfw]`. Nothing else is ever flagged.
 */
export function isFlagged(scenarios: Set<Scenario>, safetyCheckerOn: boolean): boolean {
  return safetyCheckerOn && scenarios.has("nsfw");
}
