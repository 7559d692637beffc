import { Icon } from "@/components/gallery/icons";
import { cn } from "@/lib/cn";
import { feedbackLabel, type ImageFeedbackCounts } from "@/lib/shares/feedback-index";

/**
 * ✓ approved, ↺ needs changes, 💬 comments, as icons with numbers (only the non-zero ones). The
 * icons are decorative; the whole reads as one sentence to screen readers.
 */
export function FeedbackCounts({
  counts,
  className,
}: {
  counts: ImageFeedbackCounts;
  className?: string;
}) {
  const label = feedbackLabel(counts);
  const parts = [
    { n: counts.approved, icon: "check", tone: "text-emerald-500" },
    { n: counts.changes, icon: "revise", tone: "text-amber-500" },
    { n: counts.comments, icon: "comment", tone: "" },
  ] as const;
  return (
    <span title={label} className={cn("inline-flex items-center gap-2 tabular-nums", className)}>
      <span className="sr-only">{label}</span>
      {parts.map(
        ({ n, icon, tone }) =>
          n > 0 && (
            <span key={icon} aria-hidden="true" className="inline-flex items-center gap-0.5">
              <Icon name={icon} className={cn("size-3.5", tone)} />
              {n}
            </span>
          ),
      )}
    </span>
  );
}
