/** How far off a moment is, in English words: "in 42 seconds", "in 12 minutes", "in 3 hours". */

// English like the sentences around it, on the server (429 messages) and in the browser alike.
const relative = new Intl.RelativeTimeFormat("en", { numeric: "always" });

export function untilText(at: Date | string, now: number): string {
  const time = typeof at === "string" ? Date.parse(at) : at.getTime();
  const seconds = Math.max(1, Math.round((time - now) / 1000));
  if (seconds < 90) return relative.format(seconds, "second");
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return relative.format(minutes, "minute");
  return relative.format(Math.round(minutes / 60), "hour");
}
