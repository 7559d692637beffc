"use client";

import { useEffect, useEffectEvent, useRef, useState, type RefObject } from "react";

/**
 * Full screen for the presenter's dialog: asked for once it opens (the click that opened it is
 * still a user gesture then), left when it closes. A refusal (no user gesture left, an iframe,
 * iOS Safari on an element) only means the dialog covers the window instead; `onRefused` says so.
 */
export function useFullscreen(target: RefObject<HTMLElement | null>, onRefused: () => void) {
  const [active, setActive] = useState(false);
  // Strict Mode opens twice in development: one request at a time.
  const pending = useRef(false);

  const enter = async () => {
    const element = target.current;
    if (pending.current || document.fullscreenElement === element) return;
    if (!element?.requestFullscreen) return onRefused();
    pending.current = true;
    try {
      await element.requestFullscreen({ navigationUI: "hide" });
    } catch {
      onRefused();
    } finally {
      pending.current = false;
    }
  };
  const enterOnOpen = useEffectEvent(enter);

  useEffect(() => {
    const element = target.current;
    const onChange = () => setActive(!!element && document.fullscreenElement === element);
    document.addEventListener("fullscreenchange", onChange);
    void enterOnOpen();
    return () => {
      document.removeEventListener("fullscreenchange", onChange);
      if (element && document.fullscreenElement === element) void document.exitFullscreen();
    };
  }, [target]);

  const toggle = () => (active ? void document.exitFullscreen() : void enter());
  return { active, toggle };
}
