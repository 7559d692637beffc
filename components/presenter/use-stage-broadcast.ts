"use client";

import { useEffect, useLayoutEffect, useRef } from "react";
import { inlineImageUrls, type InlineImageUrls } from "@/lib/presenter/inline-images";
import { PRESENTER_CHANNEL, type PresenterMessage, type StageState } from "@/lib/presenter/types";
import { usePlayground } from "@/lib/store/playground-store";

const sameStage = (a: StageState | null, b: StageState) =>
  !!a &&
  a.slides === b.slides &&
  a.index === b.index &&
  a.wipe === b.wipe &&
  a.caption === b.caption &&
  a.progress === b.progress;

/**
 * Tells audience windows the stage: on every change, in answer to an audience's "hello", and
 * "ended" when the presenter leaves or the page goes away. The wipe and the caption are posted
 * from the store's own update, before React renders this window (a drag moves the wipe every
 * frame, and the audience must stay within one); everything else when React commits.
 */
export function useStageBroadcast(stage: StageState): void {
  const channel = useRef<BroadcastChannel | null>(null);
  const inline = useRef<InlineImageUrls | null>(null);
  const latest = useRef(stage);
  const posted = useRef<StageState | null>(null);

  const postStage = (state: StageState) => {
    posted.current = state;
    const urls = inline.current;
    // An inline result (sync mode) is a data: URL of megabytes; its blob: URL is a few bytes and
    // opens in any window of this origin.
    const slides = urls
      ? state.slides.map((s) => ({ ...s, src: urls.urlFor(s.src) }))
      : state.slides;
    const message: PresenterMessage = {
      type: "stage",
      stage: { ...state, slides },
      sentAt: Date.now(),
    };
    channel.current?.postMessage(message);
  };

  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const opened = new BroadcastChannel(PRESENTER_CHANNEL);
    const urls = inlineImageUrls();
    channel.current = opened;
    inline.current = urls;
    opened.onmessage = (event: MessageEvent<PresenterMessage>) => {
      if (event.data?.type === "hello") postStage(latest.current);
    };
    const unsubscribe = usePlayground.subscribe((state, before) => {
      const now = state.presentation;
      const was = before.presentation;
      // A new slide or deck needs the slides worked out again: that waits for React.
      if (!now || !was || now.deck !== was.deck || now.index !== was.index) return;
      if (now.wipe === was.wipe && now.caption === was.caption) return;
      latest.current = { ...latest.current, wipe: now.wipe, caption: now.caption };
      postStage(latest.current);
    });
    const ended = () => opened.postMessage({ type: "ended" } satisfies PresenterMessage);
    window.addEventListener("pagehide", ended);
    postStage(latest.current);
    return () => {
      unsubscribe();
      window.removeEventListener("pagehide", ended);
      ended();
      opened.close();
      urls.revokeAll();
      channel.current = null;
      inline.current = null;
    };
    // postStage reads only refs: the channel lives as long as the presenter view.
  }, []);

  useLayoutEffect(() => {
    latest.current = stage;
    if (!sameStage(posted.current, stage)) postStage(stage);
  }, [stage]);
}
