/**
 * Run limits count in fixed clock minutes (lib/limits/limiter.ts). A test that makes a few
 * requests and expects the last one refused fails when they straddle a minute's end, since the
 * count starts over. Such a test first waits until the current minute has `neededMs` left.
 */
const MINUTE_MS = 60_000;

export async function clearOfMinuteEnd(neededMs = 10_000): Promise<void> {
  const left = MINUTE_MS - (Date.now() % MINUTE_MS);
  if (left < neededMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
