"use client";

import { useEffect } from "react";
import { usePlayground } from "@/lib/store/playground-store";

/** At most one status call per this, per tab: feedback is read by people, not a live feed. */
export const SHARE_POLL_MS = 30_000;
/** The first call waits this long after load, so it does not compete with the first paint. */
const FIRST_POLL_MS = 1_500;

/**
 * Keeps the shares' summaries (views, state, feedback) fresh while the page is in view: a status
 * call soon after load, then every 30 s; none while the tab is hidden, and one on coming back if
 * 30 s have passed. Nothing at all while the owner has no shares.
 */
export function useShareFeedback(): void {
  const hasShares = usePlayground((s) => s.shares.length > 0);

  useEffect(() => {
    if (!hasShares) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(tick, ms);
    };
    function tick() {
      if (document.visibilityState !== "visible") return; // resumed by visibilitychange
      const { sharesCheckedAt, refreshShares } = usePlayground.getState();
      const wait = sharesCheckedAt + SHARE_POLL_MS - Date.now();
      if (wait > 0) return schedule(wait);
      void refreshShares();
      schedule(SHARE_POLL_MS);
    }
    const onVisibility = () => {
      if (document.visibilityState === "visible") tick();
      else clearTimeout(timer);
    };
    schedule(FIRST_POLL_MS);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [hasShares]);
}
