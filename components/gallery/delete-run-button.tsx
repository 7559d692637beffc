"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { usePlayground } from "@/lib/store/playground-store";
import { IconButton } from "./icon-button";

/**
 * Delete with an inline confirmation instead of window.confirm: it stays in the page's style,
 * is reachable by keyboard and screen readers, and "Keep" (the safe answer) gets focus first.
 */
export function DeleteRunButton({ runId }: { runId: string }) {
  const deleteRun = usePlayground((s) => s.deleteRun);
  // undefined until first asked; false after "Keep", which sends focus back to the opener.
  const [confirming, setConfirming] = useState<boolean>();
  const questionId = useId();
  const keep = () => setConfirming(false);

  if (!confirming) {
    return (
      <IconButton
        autoFocus={confirming === false}
        icon="trash"
        label="Delete run"
        className="hover:text-red-700 dark:hover:text-red-400"
        onClick={() => setConfirming(true)}
      />
    );
  }
  return (
    <div
      role="group"
      aria-labelledby={questionId}
      className="flex items-center gap-2 text-xs"
      onKeyDown={(event) => {
        if (event.key === "Escape") keep();
      }}
    >
      <span id={questionId} className="font-medium">
        Delete this run?
      </span>
      <Button
        className="bg-red-600 px-2.5 py-1 text-xs text-white hover:bg-red-700 dark:bg-red-600 dark:hover:bg-red-500"
        variant="primary"
        onClick={() => void deleteRun(runId)}
      >
        Delete
      </Button>
      <Button autoFocus className="px-2.5 py-1 text-xs" onClick={keep}>
        Keep
      </Button>
    </div>
  );
}
