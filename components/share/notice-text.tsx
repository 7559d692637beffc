import { cn } from "@/lib/cn";
import type { Notice } from "./review-context";

/**
 * The outcome of a mark or comment, said beside its control. The live region stays in the page
 * even when empty (not `hidden`): screen readers only announce changes to a region they know.
 */
export function NoticeText({ notice, id }: { notice: Notice | undefined; id?: string }) {
  return (
    <p
      id={id}
      aria-live="polite"
      className={cn(
        "text-xs",
        notice?.tone === "error"
          ? "font-medium text-red-700 dark:text-red-400"
          : "text-emerald-700 dark:text-emerald-400",
      )}
    >
      {notice?.text}
    </p>
  );
}
