/** What the presenter's screens say in words: for screen readers and the audience's calm notice. */
import type { LiveProgress } from "./types";

const CAPTION_WORDS = ["Caption off", "Caption: prompt", "Caption: prompt and parameters"];

/** "Slide 2 of 5", with the caption's state when it is on and the wipe's when it is on. */
export function slideAnnouncement(
  number: number,
  total: number,
  caption: 0 | 1 | 2,
  wiping: boolean,
): string {
  return [
    `Slide ${number} of ${total}`,
    caption > 0 ? CAPTION_WORDS[caption] : undefined,
    wiping ? "Before and after" : undefined,
  ]
    .filter(Boolean)
    .join(". ");
}

/** The words under "Making a new version…": where it is in line, then its step, then the end. */
export function progressWords(progress: LiveProgress): string {
  switch (progress.phase) {
    case "queued":
      return progress.position !== undefined && progress.position > 0
        ? `Waiting in line: ${progress.position} ahead`
        : "Starting…";
    case "running":
      return progress.step !== undefined && progress.steps !== undefined
        ? `Step ${progress.step} of ${progress.steps}`
        : "Drawing…";
    case "finishing":
      return "Almost there…";
  }
}

/** How far along a live edit is, 0…1, or undefined while that is not known (in line, starting). */
export function progressFraction(progress: LiveProgress): number | undefined {
  if (progress.phase === "finishing") return 1;
  if (progress.phase === "running" && progress.step !== undefined && progress.steps)
    return Math.min(1, Math.max(0, progress.step / progress.steps));
  return undefined;
}

/** Time since the presentation began: "4:05", or "1:02:09" past the hour. */
export function elapsedWords(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, "0");
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
