"use client";

import { useEffect, useEffectEvent, useId, useRef, useState, type KeyboardEvent } from "react";
import { limitsBlocker } from "@/lib/fal/limits";
import { isInFlight } from "@/lib/history/run-record";
import { maxRunCostUsd } from "@/lib/limits/run-cost";
import {
  followLiveEdit,
  liveEditEnd,
  prepareLiveEdit,
  type LiveEditEnd,
  type LiveEditMode,
} from "@/lib/presenter/live-edit";
import type { LiveProgress, Slide } from "@/lib/presenter/types";
import { describeError } from "@/lib/runs/run-error";
import { usePlayground } from "@/lib/store/playground-store";
import { LiveEditModeChoice } from "./live-edit-mode";
import { LiveEditPrice } from "./live-edit-price";
import { LiveEditStatus } from "./live-edit-status";

/**
 * "Try a change": a new run from the slide on stage, started through the runs slice like the
 * composer's (saved in the history, resumed after a reload, within the budget and rate limits).
 * The audience is told its progress through `onProgress`; its result becomes the next slide
 * through `onResult`; a failure is said here only, with the typed prompt kept.
 */
export function LiveEditBar({
  slide,
  onClose,
  onProgress,
  onResult,
}: {
  slide: Slide;
  onClose(): void;
  onProgress(progress: LiveProgress | null): void;
  onResult(key: string): void;
}) {
  const source = usePlayground((s) => s.runs.find((run) => run.id === slide.runId));
  const limits = usePlayground((s) => s.limits);
  const launchRun = usePlayground((s) => s.launchRun);
  const cancelRun = usePlayground((s) => s.cancelRun);
  const refreshLimits = usePlayground((s) => s.refreshLimits);
  const [prompt, setPrompt] = useState("");
  const [mode, setMode] = useState<LiveEditMode>("image");
  const [runId, setRunId] = useState<string>();
  const [launching, setLaunching] = useState(false);
  const run = usePlayground((s) => (runId ? s.runs.find((r) => r.id === runId) : undefined));
  const inputRef = useRef<HTMLInputElement>(null);
  const promptId = useId();
  const reasonId = useId();
  const failureId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    // The budget line and the check before Run should be as fresh as the composer's.
    void refreshLimits();
  }, [refreshLimits]);

  const tell = useEffectEvent((progress: LiveProgress | null) => onProgress(progress));
  const finish = useEffectEvent((end: LiveEditEnd) => {
    if ("result" in end) {
      onResult(end.result);
      onClose();
    } else inputRef.current?.focus();
  });
  useEffect(() => {
    if (!runId) return;
    return followLiveEdit(usePlayground, runId, {
      progress: (progress) => tell(progress),
      end: (end) => finish(end),
    });
  }, [runId]);

  const edit = source && prepareLiveEdit(source, slide, prompt, mode);
  const running = launching || (!!run && isInFlight(run));
  const blocker = !edit
    ? "This slide's run is not in the history any more."
    : (edit.problem ?? limitsBlocker(limits, maxRunCostUsd(edit.input, edit.model)));
  const end = run && liveEditEnd(run);
  const failure = end && "error" in end ? describeError(end.error) : undefined;
  const showBlocker = !!blocker && !running;
  const describedBy =
    [failure && failureId, showBlocker && reasonId].filter(Boolean).join(" ") || undefined;

  const start = async () => {
    if (!edit || blocker || running) return;
    setLaunching(true);
    try {
      setRunId(await launchRun(edit.input, edit.model));
    } finally {
      setLaunching(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed here are the bar's: the presenter view's shortcuts (arrows, space, Esc to leave
    // presenter mode) must not act on them.
    event.stopPropagation();
    if (event.key === "Escape" && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <form
      aria-label="Try a change"
      className="flex w-full max-w-3xl flex-col gap-2 rounded-xl bg-zinc-900/95 p-3 text-zinc-100 shadow-2xl ring-1 ring-white/10 backdrop-blur"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <div className="flex items-center gap-2">
        <label className="sr-only" htmlFor={promptId}>
          Change to try
        </label>
        <input
          ref={inputRef}
          id={promptId}
          type="text"
          autoComplete="off"
          placeholder="What should change?"
          value={prompt}
          readOnly={running}
          aria-describedby={describedBy}
          className="min-w-0 flex-1 rounded-lg bg-zinc-800 px-3 py-2 text-sm text-zinc-100 placeholder:text-zinc-500 read-only:text-zinc-400"
          onChange={(event) => setPrompt(event.target.value)}
        />
        <button
          type="submit"
          disabled={!!blocker || running}
          aria-keyshortcuts="Enter"
          aria-describedby={describedBy}
          className="rounded-lg bg-accent-600 px-3 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:cursor-not-allowed disabled:bg-zinc-800 disabled:text-zinc-500"
        >
          Run{" "}
          <kbd aria-hidden className="text-[10px] font-normal opacity-70">
            ↵
          </kbd>
        </button>
        <button
          type="button"
          aria-keyshortcuts="Escape"
          className="rounded-lg px-3 py-2 text-sm text-zinc-300 hover:bg-zinc-800 hover:text-zinc-100"
          onClick={onClose}
        >
          Cancel{" "}
          <kbd aria-hidden className="text-[10px] font-normal opacity-70">
            Esc
          </kbd>
        </button>
      </div>
      {run && running ? (
        <LiveEditStatus run={run} onCancel={() => void cancelRun(run.id)} />
      ) : (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
          <LiveEditModeChoice value={mode} disabled={running} onChange={setMode} />
          {edit && <LiveEditPrice costUsd={edit.costUsd} output={edit.output} model={edit.model} />}
        </div>
      )}
      {failure && (
        <p id={failureId} role="alert" className="text-xs text-red-300">
          {failure.title}: {failure.message}
        </p>
      )}
      {showBlocker && (
        <p id={reasonId} className="text-xs text-zinc-400">
          {blocker}
        </p>
      )}
    </form>
  );
}
