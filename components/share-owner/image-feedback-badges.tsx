"use client";

import { feedbackIndexOf } from "@/lib/shares/feedback-index";
import { usePlayground } from "@/lib/store/playground-store";
import { FeedbackCounts } from "./feedback-counts";

/**
 * Clients' feedback on one gallery image, over its top corner. On a dark chip so it reads over
 * any picture in either theme; it lets clicks through to the image below.
 */
export function ImageFeedbackBadges({ selectKey }: { selectKey: string }) {
  const counts = usePlayground((s) => feedbackIndexOf(s.shares).byImage.get(selectKey));
  if (!counts) return null;
  return (
    <FeedbackCounts
      counts={counts}
      className="pointer-events-none absolute top-2 right-2 rounded-full bg-zinc-950/75 px-2 py-0.5 text-xs font-medium text-white shadow-sm backdrop-blur-sm"
    />
  );
}
