"use client";

import { useRef } from "react";
import { useFlash } from "@/components/gallery/use-flash";
import { Button } from "@/components/ui/button";
import { usePlayground } from "@/lib/store/playground-store";

/**
 * Reads an exported history file back in: its runs and review links join this browser's, by id
 * (nothing here is overwritten). How a new browser gets the owner keys of links already sent.
 */
export function ImportHistoryButton() {
  const importHistory = usePlayground((s) => s.importHistory);
  const [status, say] = useFlash();
  const fileInput = useRef<HTMLInputElement>(null);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    say("Importing…", true);
    say(await importHistory(await file.text()), true);
  };

  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {status}
      </p>
      <Button
        variant="ghost"
        className="px-2 py-1 text-xs"
        title="Adds the runs and review links of an exported file; nothing here is overwritten"
        onClick={() => fileInput.current?.click()}
      >
        Import JSON
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        aria-label="History file to import"
        className="hidden"
        onChange={(event) => {
          void importFile(event.target.files?.[0]);
          event.target.value = "";
        }}
      />
    </span>
  );
}
