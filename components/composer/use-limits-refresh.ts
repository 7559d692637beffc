"use client";

import { useEffect, useState } from "react";
import { nextLimitsCheckAt } from "@/lib/fal/limits";
import { usePlayground } from "@/lib/store/playground-store";

const isVisible = () => document.visibilityState === "visible";

/**
 * Keeps the limits current while the page is visible: on mount, every minute, just after a limit
 * resets, and on coming back to the tab. A hidden tab asks nothing. (Submits refresh them too.)
 */
export function useLimitsRefresh(enabled: boolean): void {
  const refreshLimits = usePlayground((s) => s.refreshLimits);
  const limits = usePlayground((s) => s.limits);
  const checkedAt = usePlayground((s) => s.limitsCheckedAt);
  const [visible, setVisible] = useState(true);

  useEffect(() => {
    const onChange = () => setVisible(isVisible());
    onChange();
    document.addEventListener("visibilitychange", onChange);
    return () => document.removeEventListener("visibilitychange", onChange);
  }, []);

  useEffect(() => {
    if (!enabled || !visible) return;
    // Each read (answered or not) sets checkedAt, which schedules the next one here.
    const delay = checkedAt === 0 ? 0 : nextLimitsCheckAt(limits, checkedAt) - Date.now();
    const timer = setTimeout(() => void refreshLimits(), Math.max(0, delay));
    return () => clearTimeout(timer);
  }, [enabled, visible, limits, checkedAt, refreshLimits]);
}
