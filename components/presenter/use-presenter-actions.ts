"use client";

import { useState } from "react";
import { nextCaption, type PresenterAction } from "@/lib/presenter/keys";
import type { LiveProgress } from "@/lib/presenter/types";
import type { Presentation } from "@/lib/store/presenter";
import { usePlayground } from "@/lib/store/playground-store";
import { usePresenterDeck } from "./use-presenter-deck";
import { useWipeSweep } from "./use-wipe-sweep";

/**
 * The presenter's state and what every key, button and gesture does to it. The slide, wipe and
 * caption are the store's (so the audience window can be told them); the live edit's bar and
 * progress and the wipe's sweep belong to this view.
 */
export function usePresenterActions(
  presentation: Presentation,
  {
    reduced,
    say,
    toggleFullscreen,
  }: { reduced: boolean; say(message: string): void; toggleFullscreen(): void },
) {
  const setWipe = usePlayground((s) => s.setWipe);
  const setCaption = usePlayground((s) => s.setCaption);
  const closePresenter = usePlayground((s) => s.closePresenter);
  const insertSlideAfterCurrent = usePlayground((s) => s.insertSlideAfterCurrent);
  const [editing, setEditing] = useState(false);
  const [progress, setProgress] = useState<LiveProgress | null>(null);
  const [sweepOn, setSweepOn] = useState(false);
  const { stage, slide, goTo } = usePresenterDeck(presentation, progress);
  const { index, wipe, caption } = stage;
  const hasBefore = !!slide?.beforeSrc;
  const sweeping = sweepOn && hasBefore && !reduced;
  useWipeSweep(sweeping, setWipe);

  const go = (target: number) => {
    setSweepOn(false);
    goTo(target);
  };
  const moveWipe = (position: number | null) => {
    setSweepOn(false);
    setWipe(position);
  };
  const noBefore = () => say("This slide has no before image");
  const closeEdit = () => {
    setEditing(false);
    setProgress(null);
  };

  const act = (action: PresenterAction): void => {
    switch (action.type) {
      case "next":
        return go(index + 1);
      case "previous":
        return go(index - 1);
      case "first":
        return go(0);
      case "last":
        return go(stage.slides.length - 1);
      case "toggle-wipe":
        if (!hasBefore) return noBefore();
        return moveWipe(wipe === null ? 0.5 : null);
      case "move-wipe":
        return moveWipe((wipe ?? 0.5) + action.by);
      case "leave-wipe":
        return moveWipe(null);
      case "cycle-caption":
        return setCaption(nextCaption(caption));
      case "toggle-live-edit":
        return editing ? closeEdit() : setEditing(!!slide);
      case "close-live-edit":
        return closeEdit();
      case "toggle-fullscreen":
        return toggleFullscreen();
      case "exit":
        return closePresenter();
    }
  };
  const toggleSweep = () => {
    if (!hasBefore) return noBefore();
    setSweepOn(!sweeping);
  };

  return {
    stage,
    slide,
    editing,
    sweeping,
    hasBefore,
    wiping: wipe !== null && hasBefore,
    act,
    toggleSweep,
    moveWipe,
    closeEdit,
    setProgress,
    /** A live edit's result: the next slide, shown at once with its wipe at half. */
    insertResult: (key: string) => {
      setSweepOn(false);
      insertSlideAfterCurrent(key);
    },
  };
}
