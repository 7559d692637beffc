"use client";

import { useEffect } from "react";
import { Card } from "@/components/ui/card";
import { usePlayground } from "@/lib/store/playground-store";
import { ApiPanel } from "./api-panel";
import { ModelSwitch } from "./model-switch";
import { RecipeOffers } from "./recipe-offers";
import { ParametersPanel } from "./parameters-panel";
import { PromptField, PromptProvider } from "./prompt-field";
import { preloadReferenceList, ReferenceTray } from "./reference-tray";
import { RunBar } from "./run-bar";
import { useLimitsRefresh } from "./use-limits-refresh";
import { useFileDrop } from "./use-file-drop";
import { useRunReadiness } from "./use-run-readiness";

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * Everything that goes into a run. Files can be dropped anywhere on it, or pasted on the page.
 * `limited`: the deployment caps runs per minute or spend per day (known to the server only).
 */
export function Composer({ limited }: { limited: boolean }) {
  const addDroppedFiles = usePlayground((s) => s.addDroppedFiles);
  const addReferenceUrl = usePlayground((s) => s.addReferenceUrl);
  const startRun = usePlayground((s) => s.startRun);
  const referenceCount = usePlayground((s) => s.references.length);
  const numImages = usePlayground((s) => s.form.numImages);
  const readiness = useRunReadiness();
  useLimitsRefresh(limited);
  const addFiles = (files: File[]) => void addDroppedFiles(files);
  // No `accept` filter: a file is judged by its bytes, not its name or type, so the user gets a
  // reason for every file that is refused.
  const { rootProps, inputProps, isDragActive, open } = useFileDrop(addFiles);
  // The sortable reference list loads on a sign that a first reference is coming.
  const browse = () => {
    preloadReferenceList();
    open();
  };

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length) {
        event.preventDefault();
        addFiles(files);
        return;
      }
      const text = event.clipboardData?.getData("text/plain").trim() ?? "";
      if (!isTyping(event.target) && /^https?:\/\/\S+$/i.test(text)) {
        event.preventDefault();
        void addReferenceUrl(text);
      }
    };
    document.addEventListener("paste", onPaste);
    return () => document.removeEventListener("paste", onPaste);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- store actions are stable
  }, []);

  const run = () => {
    if (!readiness.blocker) void startRun(readiness.input, readiness.model);
  };

  return (
    <PromptProvider>
      <Card
        aria-label="Composer"
        className="relative flex flex-col gap-5 p-4 sm:p-5"
        {...rootProps}
        onDragEnter={(event) => {
          preloadReferenceList();
          rootProps.onDragEnter(event);
        }}
      >
        <input {...inputProps} aria-label="Reference image files" />
        {isDragActive && (
          <div className="pointer-events-none absolute inset-0 z-20 grid place-items-center rounded-2xl border-2 border-dashed border-accent-500 bg-accent-50/90 text-sm font-medium text-accent-700 dark:bg-zinc-950/90 dark:text-accent-400">
            Drop images to add them as references
          </div>
        )}
        <RecipeOffers />
        <ModelSwitch />
        <ReferenceTray onBrowse={browse} />
        <PromptField error={readiness.errors.prompt} onSubmit={run} />
        <ParametersPanel
          errors={readiness.errors}
          output={readiness.output}
          referenceCount={referenceCount}
          keepsAspect={readiness.keepsAspect}
        />
        <RunBar
          input={readiness.input}
          inputBlocker={readiness.inputBlocker}
          model={readiness.model}
          output={readiness.output}
          numImages={numImages}
          costUsd={readiness.costUsd}
          blocker={readiness.blocker}
          limited={limited}
          onRun={run}
        />
        <ApiPanel input={readiness.input} model={readiness.model} />
      </Card>
    </PromptProvider>
  );
}
