"use client";

import { useEffect, useRef, useState } from "react";

/** How long the controls stay after the pointer last moved. */
const IDLE_MS = 2500;

/**
 * Whether the presenter's controls show: for a while after the pointer moves or touches the
 * screen, then they fade so the image is alone. (Focus inside the controls keeps them, in CSS.)
 */
export function useControlsIdle() {
  const [visible, setVisible] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const wake = () => {
    setVisible(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setVisible(false), IDLE_MS);
  };
  useEffect(() => {
    // Shown at first, so the controls are found, then faded like any other time.
    timer.current = setTimeout(() => setVisible(false), IDLE_MS);
    return () => clearTimeout(timer.current);
  }, []);
  return { visible, wake };
}
