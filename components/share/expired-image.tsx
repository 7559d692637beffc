import { cn } from "@/lib/cn";
import { ShareIcon } from "./share-icons";

/** Said where an image was: fal deletes result files after a while, and the share cannot help. */
export const EXPIRED_TEXT = "This file is no longer available from fal";

/** Fills its box (a tile, a lightbox slide) with the reason the image is missing. */
export function ExpiredImage({ label, className }: { label: string; className?: string }) {
  return (
    <div
      role="img"
      aria-label={`${label}: ${EXPIRED_TEXT}`}
      className={cn(
        "flex size-full flex-col items-center justify-center gap-2 rounded-[inherit] border border-dashed border-zinc-300 p-4 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400",
        className,
      )}
    >
      <ShareIcon name="clock" className="size-6" />
      <p className="max-w-xs text-balance">{EXPIRED_TEXT}</p>
    </div>
  );
}
