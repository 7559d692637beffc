"use client";

import { useEffect, useEffectEvent } from "react";
import { keyAction, type KeyContext, type PresenterAction } from "@/lib/presenter/keys";

/** Where typing goes to the element itself, not to the presenter's shortcuts. */
function typesText(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || !!target.closest("input, textarea, select"))
  );
}

/** Where Space and Enter press the focused control rather than change the slide. */
function pressesControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest("button, a[href], [role='slider']");
}

/**
 * The presenter's keyboard on the whole document (focus may be anywhere in the dialog, or on
 * <body> after a control disappears). Keys a focused control handles itself are left to it.
 */
export function usePresenterKeys(context: KeyContext, act: (action: PresenterAction) => void) {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || typesText(event.target)) return;
    if ((event.key === " " || event.key === "Enter") && pressesControl(event.target)) return;
    const action = keyAction(event, context);
    if (!action) return;
    event.preventDefault();
    act(action);
  });
  useEffect(() => {
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
