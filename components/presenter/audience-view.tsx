"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { cn } from "@/lib/cn";
import { ControlButton } from "./control-button";
import { Stage } from "./stage";
import { useAudienceStage } from "./use-audience-stage";
import { useControlsIdle } from "./use-controls-idle";

/**
 * The audience window: only the stage, following the presenter's window. Full screen needs a
 * gesture in this window, so a double-click, F, or the button (shown while the pointer moves)
 * asks for it; the projector's operator does that once.
 */
export function AudienceView() {
  const stage = useAudienceStage();
  const idle = useControlsIdle();
  const [fullscreen, setFullscreen] = useState(false);

  const toggle = () =>
    document.fullscreenElement
      ? void document.exitFullscreen()
      : void document.documentElement.requestFullscreen?.().catch(() => undefined);
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key.toLowerCase() === "f" && !event.ctrlKey && !event.metaKey && !event.altKey)
      toggle();
  });
  useEffect(() => {
    const onChange = () => setFullscreen(!!document.fullscreenElement);
    document.addEventListener("fullscreenchange", onChange);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("fullscreenchange", onChange);
      document.removeEventListener("keydown", onKey);
    };
  }, []);

  const showing = stage && stage.slides.length > 0;
  return (
    <main
      className={cn("fixed inset-0 bg-black text-white", !idle.visible && "cursor-none")}
      onPointerMove={idle.wake}
      onDoubleClick={toggle}
    >
      <h1 className="sr-only">Audience view</h1>
      {showing ? (
        <Stage stage={stage} className="size-full" />
      ) : (
        <p role="status" className="grid size-full place-items-center text-lg text-zinc-400">
          Waiting for the presenter…
        </p>
      )}
      <div
        className={cn(
          "absolute top-3 right-3 rounded-xl bg-zinc-900/90 p-1 ring-1 ring-white/10 transition-opacity duration-300 motion-reduce:transition-none",
          !idle.visible &&
            "pointer-events-none opacity-0 focus-within:pointer-events-auto focus-within:opacity-100",
        )}
      >
        <ControlButton
          icon="fullscreen"
          label="Full screen"
          title="Full screen (F or double-click)"
          aria-keyshortcuts="F"
          aria-pressed={fullscreen}
          onClick={toggle}
        />
      </div>
    </main>
  );
}
