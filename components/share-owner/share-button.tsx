"use client";

import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { createPortal } from "react-dom";
import { Button } from "@/components/ui/button";
import type { ShareAvailability } from "@/lib/shares/availability";
import { shareImagesOf, type SharePick } from "@/lib/shares/share-input";
import { usePlayground } from "@/lib/store/playground-store";

// Loaded on first use, with the QR encoder: most visits never share.
const ShareDialog = dynamic(() => import("./share-dialog").then((m) => m.ShareDialog), {
  ssr: false,
});

/** "Share…" for the gallery's selection; disabled, with the reason, when sharing is off. */
export function ShareButton({ sharing }: { sharing: ShareAvailability }) {
  const [pick, setPick] = useState<SharePick>();
  const reasonId = useId();
  const reason = sharing.enabled ? undefined : sharing.reason;
  const open = () => {
    // Taken once, when the dialog opens: the form is about these images, whatever changes later.
    const { runs, selection } = usePlayground.getState();
    setPick(shareImagesOf(runs, selection));
  };
  return (
    // The tooltip sits on a wrapper: browsers show none for a disabled button itself.
    <span title={reason ?? "Share the selected images as a review link"} className="inline-flex">
      <Button
        variant="secondary"
        className="px-2.5 py-1 text-xs"
        disabled={!sharing.enabled}
        aria-describedby={reason ? reasonId : undefined}
        onClick={open}
      >
        Share…
      </Button>
      {reason && (
        <span id={reasonId} className="sr-only">
          {reason}
        </span>
      )}
      {pick &&
        // Outside the selection bar in the DOM, so the bar's region holds only the bar.
        createPortal(<ShareDialog pick={pick} onClose={() => setPick(undefined)} />, document.body)}
    </span>
  );
}
