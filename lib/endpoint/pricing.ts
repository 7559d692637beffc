/** What a run costs: fal bills both endpoints per output megapixel, per image, each at its price. */
import { DEFAULT_MODEL, ENDPOINTS, type ModelId } from "./catalog";
import { megapixels, type Size } from "./sizes";

/** The price of `count` images of `size` on a model (Dev unless said). */
export function costUsd(size: Size, count = 1, model: ModelId = DEFAULT_MODEL): number {
  return megapixels(size) * ENDPOINTS[model].pricePerMegapixelUsd * count;
}

/** "$0.021" style, with enough digits that small runs do not read as free. */
export function formatUsd(amount: number): string {
  return `$${amount < 0.1 ? amount.toFixed(3) : amount.toFixed(2)}`;
}
