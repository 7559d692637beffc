"use client";

import { useEffect } from "react";
import { usePlayground } from "@/lib/store/playground-store";

/**
 * Restores the saved composer, the run history and the owner's shares after the first render (so
 * server HTML and client agree), and resumes every run that had not finished.
 */
export function StoreHydration() {
  useEffect(() => {
    void usePlayground.persist.rehydrate();
    void usePlayground.getState().loadHistory();
    void usePlayground.getState().loadShares();
  }, []);
  return null;
}
