// Day and month in words ("8 Dec"), so no reader wonders whether 8/12 is August or December.
// The server renders the expiry, and it cannot know the reader's time zone: that date is UTC's.
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const DAY_AND_YEAR = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "Available until 8 Dec"; the year too when it is not the year the share was made. */
export function availableUntil(expiresAt: number, createdAt: number): string {
  const sameYear = new Date(expiresAt).getUTCFullYear() === new Date(createdAt).getUTCFullYear();
  return `Available until ${(sameYear ? DAY : DAY_AND_YEAR).format(expiresAt)}`;
}

// Comments render in the browser, so these are in the reader's own time zone.
const COMMENT_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
});

/** When a comment was written: "8 Dec, 14:32". */
export const commentTime = (at: number) => COMMENT_TIME.format(at);
