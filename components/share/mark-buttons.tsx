"use client";

import type { Mark } from "@/lib/shares/share";
import { cn } from "@/lib/cn";
import { imageFeedback, toggledMark } from "./feedback-state";
import { noticeKey, useReview } from "./review-context";
import { NoticeText } from "./notice-text";
import { ShareIcon } from "./share-icons";

const MARK_COPY: Record<
  Mark,
  { label: string; icon: "approve" | "changes"; count(n: number): string }
> = {
  approved: {
    label: "Approve",
    icon: "approve",
    count: (n) => `${n} ${n === 1 ? "approval" : "approvals"}`,
  },
  changes: {
    label: "Needs changes",
    icon: "changes",
    count: (n) => `${n} ${n === 1 ? "request" : "requests"} for changes`,
  },
};

// Pressed states differ by more than colour: the pressed button is filled and its icon bold.
const PRESSED: Record<Mark, string> = {
  approved:
    "aria-pressed:border-emerald-700 aria-pressed:bg-emerald-700 aria-pressed:text-white dark:aria-pressed:border-emerald-500 dark:aria-pressed:bg-emerald-700",
  changes:
    "aria-pressed:border-amber-500 aria-pressed:bg-amber-400 aria-pressed:text-amber-950 dark:aria-pressed:border-amber-400 dark:aria-pressed:bg-amber-400",
};

/**
 * Approve / Needs changes for one image, as toggle buttons with everyone's counts, sized by the
 * nearest `@container`. Pressing the reviewer's own mark again takes it back. Read-only once the
 * owner closes feedback.
 */
export function MarkButtons({ imageId, imageLabel }: { imageId: string; imageLabel: string }) {
  const { feedback, locked, notices, setMark } = useReview();
  const counts = imageFeedback(feedback, imageId);
  const notice = notices[noticeKey(imageId, "mark")];

  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div
        role="group"
        aria-label={`Your review of ${imageLabel}`}
        className="flex flex-wrap gap-1.5 @xs:gap-2"
      >
        {(["approved", "changes"] as const).map((mark) => {
          const copy = MARK_COPY[mark];
          const n = counts[mark];
          return (
            <button
              key={mark}
              type="button"
              aria-pressed={counts.mine === mark}
              disabled={locked}
              title={locked ? "Feedback is closed" : undefined}
              onClick={() => setMark(imageId, toggledMark(counts.mine, mark))}
              className={cn(
                // Compact in a narrow tile (2 columns on a small tablet), so both fit on one line.
                "inline-flex min-h-9 items-center gap-1 rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-[0.8125rem] font-medium text-zinc-800 transition-colors hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-60 disabled:hover:bg-white @xs:gap-1.5 @xs:px-2.5 @xs:text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:disabled:hover:bg-zinc-900",
                PRESSED[mark],
              )}
            >
              <ShareIcon
                name={copy.icon}
                strokeWidth={counts.mine === mark ? 2.5 : 1.75}
                className="size-4 shrink-0"
              />
              {copy.label}
              <span
                aria-hidden="true"
                className="min-w-4 rounded-full bg-zinc-900/5 px-1.5 text-xs tabular-nums dark:bg-white/10"
              >
                {n}
              </span>
              <span className="sr-only">({copy.count(n)})</span>
            </button>
          );
        })}
      </div>
      <NoticeText notice={notice} />
    </div>
  );
}
