"use client";

import { useEffect, useState } from "react";
import { SharedView } from "@/components/share-owner/shared-view";
import { useShareFeedback } from "@/components/share-owner/use-share-feedback";
import { Tabs } from "@/components/ui/tabs";
import type { ShareAvailability } from "@/lib/shares/availability";
import { unseenFeedback } from "@/lib/shares/owned-share";
import { usePlayground } from "@/lib/store/playground-store";
import { RunList } from "./run-list";

type View = "runs" | "shared";

/**
 * The gallery's two views: the runs, and the review links shared from them. The tabs are there
 * from the start, so the run list keeps its place (and an open Share dialog its state) when the
 * first share appears. Opening Shared counts its feedback as seen.
 */
export function GalleryViews({ sharing }: { sharing: ShareAvailability }) {
  useShareFeedback();
  const unseen = usePlayground((s) => unseenFeedback(s.shares));
  const markFeedbackSeen = usePlayground((s) => s.markFeedbackSeen);
  const [view, setView] = useState<View>("runs");

  // Also while Shared stays open: feedback arriving then is seen as it arrives.
  useEffect(() => {
    if (view === "shared" && unseen > 0) markFeedbackSeen();
  }, [view, unseen, markFeedbackSeen]);

  return (
    <Tabs<View>
      label="Gallery"
      onChange={setView}
      items={[
        { id: "runs", label: "Runs", panel: <RunList sharing={sharing} /> },
        {
          id: "shared",
          label: (
            <span className="inline-flex items-center gap-1.5">
              Shared
              {unseen > 0 && (
                <span className="rounded-full bg-accent-600 px-1.5 text-[0.625rem] leading-4 font-semibold text-white tabular-nums">
                  {unseen}
                  <span className="sr-only"> new</span>
                </span>
              )}
            </span>
          ),
          panel: <SharedView />,
        },
      ]}
    />
  );
}
