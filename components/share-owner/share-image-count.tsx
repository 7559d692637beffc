import type { SharePick } from "@/lib/shares/share-input";
import { SHARE_LIMITS } from "@/lib/shares/share";

const images = (n: number) => `${n} ${n === 1 ? "image" : "images"}`;

/** How many images go into the share, and why any selected ones do not. */
export function ShareImageCount({ pick }: { pick: SharePick }) {
  const { images: sent, over, inline, flagged } = pick;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p className="font-medium">
        {sent.length > 0
          ? `${images(sent.length)} will be shared.`
          : "None of the selected images can be shared."}
      </p>
      {over > 0 && (
        <p className="text-amber-700 dark:text-amber-400">
          {images(sent.length + over)} are selected, but a share holds at most{" "}
          {SHARE_LIMITS.imagesPerShare}: the first {SHARE_LIMITS.imagesPerShare} in gallery order
          go, the other {over} do not.
        </p>
      )}
      {inline > 0 && (
        <p className="text-amber-700 dark:text-amber-400">
          {images(inline)} made in sync mode {inline === 1 ? "is" : "are"} left out: inline results
          have no web address a client could load.
        </p>
      )}
      {flagged > 0 && (
        <p className="text-zinc-600 dark:text-zinc-400">
          {flagged === 1 ? "One was" : `${flagged} were`} flagged by the safety checker: look before
          you send the link.
        </p>
      )}
    </div>
  );
}
