/** What a run costs: fal bills this endpoint per output megapixel, per image. */
import { megapixels, type Size } from "./sizes";

/** US dollars per output megapixel (fal's pricing for fal-ai/hidream-o1-image/dev/edit). */
export const PRICE_PER_MEGAPIXEL_USD = 0.005;

/** The price of `count` images of `size`. */
export function costUsd(size: Size, count = 1): number {
  return megapixels(size) * PRICE_PER_MEGAPIXEL_USD * count;
}

/** "$0.021" style, with enough digits that small runs do not read as free. */
export function formatUsd(amount: number): string {
  return `$${amount < 0.1 ? amount.toFixed(3) : amount.toFixed(2)}`;
}
