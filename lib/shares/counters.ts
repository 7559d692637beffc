/**
 * The share API's rate limits, on the same counters as the run limits (memory, or Redis shared
 * by every instance), so one store decides and an outage fails closed the same way.
 */
import "server-only";
import { appLimiter } from "@/lib/limits/app-limiter";
import { SHARE_LIMITS } from "./share";
import { SHARE_ERROR_TYPES, ShareError } from "./errors";

const PREFIX = "hidream-playground:shares:";
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

interface Window {
  key: string;
  limit: number;
  ms: number;
  /** Says what was refused, with the wait. */
  detail: (wait: string) => string;
}

/** Takes one from every window, or throws the refusal; returns the keys it counted on. */
async function take(windows: Window[], now = Date.now()): Promise<string[]> {
  const takes = windows.map((w) => ({
    key: `${w.key}:${Math.floor(now / w.ms)}`,
    amount: 1,
    limit: w.limit,
    ttlMs: w.ms,
  }));
  const result = await appLimiter().store.take(takes);
  if (result.ok) return takes.map((t) => t.key);
  const refused = windows[result.refused]!;
  const waitMs = (Math.floor(now / refused.ms) + 1) * refused.ms - now;
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const wait = seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
  throw new ShareError(429, SHARE_ERROR_TYPES.rateLimited, refused.detail(wait), seconds);
}

export const takeShareCreation = (client: string) =>
  take([
    {
      key: `${PREFIX}created:${client}`,
      limit: SHARE_LIMITS.sharesPerClientPerDay,
      ms: DAY,
      detail: (wait) =>
        `Too many shares today: at most ${SHARE_LIMITS.sharesPerClientPerDay} a day from one client. Try again in ${wait}.`,
    },
  ]);

export const takeFeedback = (client: string) =>
  take([
    {
      key: `${PREFIX}feedback:${client}`,
      limit: SHARE_LIMITS.feedbackPerClientPerMinute,
      ms: MINUTE,
      detail: (wait) =>
        `Too much feedback at once: at most ${SHARE_LIMITS.feedbackPerClientPerMinute} a minute. Try again in ${wait}.`,
    },
  ]);

/** A reviewer's first mark on a share, from this client. */
export const takeNewReviewer = (client: string, shareId: string) =>
  take([
    {
      key: `${PREFIX}new-reviewer:${shareId}:${client}`,
      limit: SHARE_LIMITS.newReviewersPerClientPerSharePerDay,
      ms: DAY,
      detail: (wait) =>
        `Too many new reviewers on this link from one network today: at most ${SHARE_LIMITS.newReviewersPerClientPerSharePerDay}. Try again in ${wait}, from the browser you reviewed with before.`,
    },
  ]);

/**
 * One passcode attempt: limited per client and per share, so guessing is slow from anywhere.
 * `succeeded` gives the share's count back: only wrong passcodes use up a share's hour, so the
 * people who know it never lock the link for the others.
 */
export async function takePasscodeAttempt(
  client: string,
  shareId: string,
): Promise<{ succeeded: () => Promise<void> }> {
  const [, shareKey] = await take([
    {
      key: `${PREFIX}passcode:${client}`,
      limit: SHARE_LIMITS.passcodeAttemptsPerClientPerMinute,
      ms: MINUTE,
      detail: (wait) => `Too many passcode attempts. Try again in ${wait}.`,
    },
    {
      key: `${PREFIX}passcode-share:${shareId}`,
      limit: SHARE_LIMITS.passcodeAttemptsPerSharePerHour,
      ms: HOUR,
      detail: (wait) =>
        `Too many wrong passcodes on this link. Try again in ${wait}, or ask its owner for a new link.`,
    },
  ]);
  return { succeeded: () => appLimiter().store.give(shareKey!, 1) };
}
