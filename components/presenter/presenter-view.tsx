"use client";

import { useRef, type RefObject } from "react";
import { createPortal } from "react-dom";
import { useFlash } from "@/components/gallery/use-flash";
import { cn } from "@/lib/cn";
import type { Presentation } from "@/lib/store/presenter";
import { slideAnnouncement } from "@/lib/presenter/words";
import { ControlBar } from "./control-bar";
import { EmptyDeck } from "./empty-deck";
import { LiveEditBar } from "./live-edit-bar";
import { PresenterNotes } from "./presenter-notes";
import { Stage } from "./stage";
import { useAudienceWindow } from "./use-audience-window";
import { useControlsIdle } from "./use-controls-idle";
import { useFullscreen } from "./use-fullscreen";
import { useModalFocus } from "./use-modal-focus";
import { usePresenterActions } from "./use-presenter-actions";
import { usePresenterKeys } from "./use-presenter-keys";
import { useReducedMotion } from "./use-reduced-motion";
import { useStageBroadcast } from "./use-stage-broadcast";
import { useSwipe } from "./use-swipe";

/**
 * Presenter mode: the chosen results full screen on a dark stage, one at a time, with nothing else
 * until asked for. With an audience window open, this window shows the presenter's notes beside
 * the stage while the audience window shows the stage alone, following this one.
 */
export function PresenterView({
  presentation,
  returnTo,
}: {
  presentation: Presentation;
  /** Where focus goes on leaving, when the control that started the presentation is gone. */
  returnTo?: RefObject<HTMLElement | null>;
}) {
  const root = useRef<HTMLDivElement>(null);
  const reduced = useReducedMotion();
  const [notice, say] = useFlash();
  const fullscreen = useFullscreen(root, () =>
    say("Full screen was not allowed: the presenter covers this window instead (F to try again)"),
  );
  const p = usePresenterActions(presentation, {
    reduced,
    say,
    toggleFullscreen: fullscreen.toggle,
  });
  const audience = useAudienceWindow(() =>
    say("The browser blocked the audience window: allow pop-ups for this site and try again"),
  );
  const idle = useControlsIdle();
  useModalFocus(root, returnTo);
  useStageBroadcast(p.stage);
  usePresenterKeys({ wiping: p.wiping, editing: p.editing }, p.act);
  const swipe = useSwipe((direction) => p.act({ type: direction }), !p.wiping);

  const { slides, index, caption } = p.stage;
  const slide = p.slide;
  const closeEdit = () => {
    p.closeEdit();
    // The bar held focus; the presenter's keys and Tab start from the dialog again.
    root.current?.focus({ preventScroll: true });
  };

  return createPortal(
    <div
      ref={root}
      role="dialog"
      aria-modal="true"
      aria-label="Presenter"
      tabIndex={-1}
      className={cn(
        "fixed inset-0 z-50 flex bg-black text-white outline-none",
        !idle.visible && "cursor-none",
      )}
      onPointerMove={idle.wake}
      onPointerDown={idle.wake}
    >
      <div className="relative flex min-w-0 flex-1 flex-col">
        {slide ? (
          <>
            <div className="relative min-h-0 flex-1 touch-none" {...swipe}>
              <Stage
                stage={p.stage}
                onWipe={p.moveWipe}
                showProgress={false}
                className="size-full"
              />
            </div>
            {p.editing && (
              <div className="flex justify-center px-3 pt-1 pb-3">
                <LiveEditBar
                  slide={slide}
                  onClose={closeEdit}
                  onProgress={p.setProgress}
                  onResult={p.insertResult}
                />
              </div>
            )}
            <ControlBar
              visible={idle.visible}
              state={{
                number: index + 1,
                total: slides.length,
                hasBefore: p.hasBefore,
                wiping: p.wiping,
                sweeping: p.sweeping,
                canSweep: !reduced,
                caption,
                audienceOpen: audience.open,
                editing: p.editing,
                fullscreen: fullscreen.active,
              }}
              on={{
                previous: () => p.act({ type: "previous" }),
                next: () => p.act({ type: "next" }),
                toggleWipe: () => p.act({ type: "toggle-wipe" }),
                toggleSweep: p.toggleSweep,
                cycleCaption: () => p.act({ type: "cycle-caption" }),
                showAudience: audience.show,
                toggleEdit: () => (p.editing ? closeEdit() : p.act({ type: "toggle-live-edit" })),
                toggleFullscreen: fullscreen.toggle,
                exit: () => p.act({ type: "exit" }),
              }}
            />
          </>
        ) : (
          <EmptyDeck onExit={() => p.act({ type: "exit" })} />
        )}
        <p
          role="status"
          className="absolute inset-x-3 top-16 mx-auto w-fit rounded-lg bg-zinc-900/95 px-3 py-2 text-sm text-zinc-100 ring-1 ring-white/10 empty:p-0 empty:ring-0"
        >
          {notice}
        </p>
      </div>
      {audience.open && slide && (
        <PresenterNotes
          slide={slide}
          next={slides[index + 1]}
          number={index + 1}
          total={slides.length}
        />
      )}
      <p aria-live="polite" className="sr-only">
        {slide ? slideAnnouncement(index + 1, slides.length, caption, p.wiping) : ""}
      </p>
    </div>,
    document.body,
  );
}
