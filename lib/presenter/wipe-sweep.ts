/** "Animate the wipe": the divider sweeps from all before to all after and back, on a loop. */

/** One sweep there and back, in milliseconds. */
export const SWEEP_MS = 3000;

const easeInOut = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** The divider's position `elapsed` ms into the loop: 0 → 1 → 0, eased at the turns. */
export function sweepAt(elapsed: number): number {
  const phase = (((elapsed % SWEEP_MS) + SWEEP_MS) % SWEEP_MS) / SWEEP_MS;
  const half = phase < 0.5 ? phase * 2 : 2 - phase * 2;
  return easeInOut(half);
}
