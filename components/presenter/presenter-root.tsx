"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef } from "react";
import { usePlayground } from "@/lib/store/playground-store";

// Loaded on the first presentation only: most visits never present.
const PresenterView = dynamic(() => import("./presenter-view").then((m) => m.PresenterView), {
  ssr: false,
});

/**
 * Presenter mode's place on the page: nothing at all until a presentation starts. It remembers
 * the last control focused outside any dialog, so leaving the presenter can return there when
 * what started it (the Present dialog's Start button) is gone.
 */
export function PresenterRoot() {
  const presentation = usePlayground((s) => s.presentation);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const target = event.target;
      if (target instanceof HTMLElement && !target.closest("dialog, [role='dialog']"))
        returnTo.current = target;
    };
    document.addEventListener("focusin", onFocus);
    return () => document.removeEventListener("focusin", onFocus);
  }, []);
  return presentation ? <PresenterView presentation={presentation} returnTo={returnTo} /> : null;
}
