/**
 * The share grid's columns and the `sizes` that tells the browser how wide a tile is at each
 * breakpoint, side by side: change one and the other must follow, or phones fetch the wrong file.
 *
 * Padding: px-4, sm:px-6, lg:px-8. Gaps: 1rem, then 1.5rem from sm. Widths are capped at 160rem.
 */
export const PAGE_FRAME = "mx-auto w-full max-w-[160rem] px-4 sm:px-6 lg:px-8";

export const GRID_COLUMNS =
  "grid grid-cols-1 gap-x-4 gap-y-10 sm:grid-cols-2 sm:gap-x-6 lg:grid-cols-3 2xl:grid-cols-4 min-[120rem]:grid-cols-5";

/** Viewport width minus padding and gaps, over the columns; 5 tiles of 30rem past 160rem. */
export const TILE_SIZES = [
  "(min-width: 160rem) 30rem",
  "(min-width: 120rem) calc((100vw - 10rem) / 5)",
  "(min-width: 96rem) calc((100vw - 8.5rem) / 4)",
  "(min-width: 64rem) calc((100vw - 7rem) / 3)",
  "(min-width: 40rem) calc((100vw - 4.5rem) / 2)",
  "calc(100vw - 2rem)",
].join(", ");

/** Tiles fetched first, eagerly and at high priority: what a phone shows before scrolling. */
export const PRIORITY_TILES = 2;
