"use client";

import { useEffect } from "react";
import { usePlayground } from "@/lib/store/playground-store";

/** Restores the saved composer after the first render, so server HTML and client agree. */
export function StoreHydration() {
  useEffect(() => {
    void usePlayground.persist.rehydrate();
  }, []);
  return null;
}
