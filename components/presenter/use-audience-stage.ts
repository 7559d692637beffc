"use client";

import { useEffect, useState } from "react";
import { PRESENTER_CHANNEL, type PresenterMessage, type StageState } from "@/lib/presenter/types";

/**
 * The stage as the presenter's window last said it, or null before it has said anything and
 * after it ended. Asks for it on opening ("hello"), so a reloaded audience window catches up.
 */
export function useAudienceStage(): StageState | null {
  const [stage, setStage] = useState<StageState | null>(null);
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel(PRESENTER_CHANNEL);
    channel.onmessage = (event: MessageEvent<PresenterMessage>) => {
      const message = event.data;
      if (message?.type === "stage") setStage(message.stage);
      else if (message?.type === "ended") setStage(null);
    };
    channel.postMessage({ type: "hello" } satisfies PresenterMessage);
    return () => channel.close();
  }, []);
  return stage;
}
