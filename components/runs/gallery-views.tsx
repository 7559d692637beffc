"use client";

import { useEffect, useState } from "react";
import { useOnDemand } from "@/components/use-on-demand";
import { onDemand } from "@/lib/on-demand";
import { useShareFeedback } from "@/components/share-owner/use-share-feedback";
import { Card } from "@/components/ui/card";
import { Tabs } from "@/components/ui/tabs";
import type { ShareAvailability } from "@/lib/shares/availability";
import { unseenFeedback } from "@/lib/shares/owned-share";
import { usePlayground } from "@/lib/store/playground-store";
import { RunList } from "./run-list";

type View = "runs" | "shared";

// The Shared view loads when first opened (or hovered): most visits never look at it.
const shared = onDemand(() => import("@/components/share-owner/shared-view"));
const preloadShared = () => void shared.preload().catch(() => {});

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
  const sharedView = useOnDemand(shared, view === "shared");

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
            <span className="inline-flex items-center gap-1.5" onPointerEnter={preloadShared}>
              Shared
              {unseen > 0 && (
                <span className="rounded-full bg-accent-600 px-1.5 text-[0.625rem] leading-4 font-semibold text-white tabular-nums">
                  {unseen}
                  <span className="sr-only"> new</span>
                </span>
              )}
            </span>
          ),
          panel: sharedView ? (
            <sharedView.SharedView />
          ) : (
            // The empty view's box, until the view arrives (a few ms after the tab is chosen).
            <Card aria-label="Shared" aria-busy className="min-h-48" />
          ),
        },
      ]}
    />
  );
}
