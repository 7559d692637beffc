import { Icon } from "./icons";

/**
 * A starred result's mark over its picture, there without hovering or focusing anything. Bottom
 * left, since the top corners hold the safety chip and the clients' feedback. Lets clicks through.
 */
export function StarBadge() {
  return (
    <span
      role="img"
      aria-label="Starred"
      title="Starred"
      className="pointer-events-none absolute bottom-2 left-2 grid size-6 place-items-center rounded-full bg-zinc-950/75 text-amber-400 shadow-sm backdrop-blur-sm"
    >
      <Icon name="star" fill="currentColor" className="size-3.5 shrink-0" />
    </span>
  );
}
