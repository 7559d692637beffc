/**
 * The presenter's keyboard, as a pure mapping from a key press to an action. Clickers send
 * PageDown/PageUp (some send arrows), so those always move between slides. Wipe mode is a toggle
 * (B) rather than a held key: holding a key while pressing arrows is hard on a clicker or a
 * laptop in front of a room, and a toggle can be shown on the control bar.
 */

export type PresenterAction =
  | { type: "next" }
  | { type: "previous" }
  | { type: "first" }
  | { type: "last" }
  | { type: "toggle-wipe" }
  /** Moves the wipe's divider by `by` (a fraction of the width). */
  | { type: "move-wipe"; by: number }
  | { type: "leave-wipe" }
  | { type: "cycle-caption" }
  | { type: "toggle-live-edit" }
  | { type: "close-live-edit" }
  | { type: "toggle-fullscreen" }
  | { type: "exit" };

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

export interface KeyContext {
  /** The wipe is on: ←/→ move its divider instead of changing slides. */
  wiping: boolean;
  /** The live-edit bar is open: Esc closes it before it leaves the presenter. */
  editing: boolean;
}

/** How far one ←/→ press moves the wipe's divider. */
export const WIPE_STEP = 0.05;

/** The action a key press asks for in the presenter, or null for keys it leaves alone. */
export function keyAction(press: KeyPress, context: KeyContext): PresenterAction | null {
  // Browser and system shortcuts (Ctrl+R, Cmd+←, Alt+Tab…) keep working.
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  switch (press.key) {
    case "ArrowRight":
      return context.wiping ? { type: "move-wipe", by: WIPE_STEP } : { type: "next" };
    case "ArrowLeft":
      return context.wiping ? { type: "move-wipe", by: -WIPE_STEP } : { type: "previous" };
    case " ":
    case "Spacebar":
      return press.shiftKey ? { type: "previous" } : { type: "next" };
    case "PageDown":
      return { type: "next" };
    case "PageUp":
      return { type: "previous" };
    case "Home":
      return { type: "first" };
    case "End":
      return { type: "last" };
    case "Escape":
    case "Esc":
      if (context.wiping) return { type: "leave-wipe" };
      return context.editing ? { type: "close-live-edit" } : { type: "exit" };
  }
  switch (press.key.toLowerCase()) {
    case "b":
      return { type: "toggle-wipe" };
    case "i":
      return { type: "cycle-caption" };
    case "t":
      return { type: "toggle-live-edit" };
    case "f":
      return { type: "toggle-fullscreen" };
  }
  return null;
}

/** The caption after one more `I`: off → prompt → prompt with parameters → off. */
export function nextCaption(level: 0 | 1 | 2): 0 | 1 | 2 {
  return level === 0 ? 1 : level === 1 ? 2 : 0;
}
