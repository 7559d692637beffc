"use client";

import { useCallback, useRef, useState } from "react";

const SHOW_MS = 2500;

/**
 * A short-lived status message ("Copied", "Download failed…"). No effect runs per render: the
 * timer starts only when something is said, and a newer message replaces the older one.
 */
export function useFlash(): [message: string, say: (message: string, sticky?: boolean) => void] {
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const say = useCallback((next: string, sticky = false) => {
    clearTimeout(timer.current);
    setMessage(next);
    if (!sticky) timer.current = setTimeout(() => setMessage(""), SHOW_MS);
  }, []);
  return [message, say];
}

/** Copies text and reports the outcome through `say`. */
export async function copyText(text: string, say: (message: string) => void, what = "Copied") {
  try {
    await navigator.clipboard.writeText(text);
    say(what);
  } catch {
    // Clipboard access is refused on insecure origins and in some embedded browsers.
    say("Could not copy: the browser refused clipboard access");
  }
}
