"use client";

import { useEffect, useRef, useState } from "react";

/** The audience window's name: opening it again finds the same window instead of a second one. */
const WINDOW_NAME = "hidream-audience";
/** How often to look whether the audience window was closed (no event says so). */
const CLOSED_CHECK_MS = 1000;

/**
 * The audience window, opened from the presenter: whether it is open (the presenter's window
 * then shows notes), and a way to open it or bring it to the front. Closing it from its own
 * side is noticed within a second, and the presenter goes on without notes.
 */
export function useAudienceWindow(onBlocked: () => void) {
  const handle = useRef<Window | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => {
      if (!handle.current || handle.current.closed) {
        handle.current = null;
        setOpen(false);
      }
    }, CLOSED_CHECK_MS);
    return () => clearInterval(timer);
  }, [open]);

  const show = () => {
    if (handle.current && !handle.current.closed) {
      handle.current.focus();
      return;
    }
    const opened = window.open("/present/audience", WINDOW_NAME, "popup");
    if (!opened) return onBlocked();
    handle.current = opened;
    setOpen(true);
  };
  return { open, show };
}
