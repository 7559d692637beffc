"use client";

import { useEffect, type RefObject } from "react";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal's focus, for a dialog rendered straight into <body>: the rest of the page is made inert
 * (unreachable by Tab, pointer and screen reader), Tab cycles within the dialog, and focus goes
 * back to where it was when the dialog closes. Not the native <dialog>: the presenter's dialog
 * is also the full-screen element, and a modal <dialog> cannot be one in every browser.
 * `returnTo` is where focus goes when the opener is gone by then (a dialog's Start button).
 */
export function useModalFocus(
  dialog: RefObject<HTMLElement | null>,
  returnTo?: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const root = dialog.current;
    if (!root) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const lastOutside = () => returnTo?.current;
    const made = [...document.body.children].filter(
      (el): el is HTMLElement => el instanceof HTMLElement && el !== root && !el.inert,
    );
    made.forEach((el) => (el.inert = true));
    if (!root.contains(document.activeElement)) root.focus({ preventScroll: true });

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Tab") return;
      const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => el.getClientRects().length > 0,
      );
      const first = items[0];
      const last = items[items.length - 1];
      const at = document.activeElement;
      if (!first || !last) {
        event.preventDefault();
        root.focus();
      } else if (event.shiftKey && (at === first || at === root || !root.contains(at))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (at === last || !root.contains(at))) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      made.forEach((el) => (el.inert = false));
      // Read at closing time on purpose: where focus was last outside, not where it was on opening.
      const back = opener?.isConnected && opener !== document.body ? opener : lastOutside();
      if (back?.isConnected) back.focus({ preventScroll: true });
    };
  }, [dialog, returnTo]);
}
