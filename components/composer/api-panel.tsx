"use client";

import { useState } from "react";
import { useOnDemand } from "@/components/use-on-demand";
import { onDemand } from "@/lib/on-demand";
import type { EditInput, ModelId } from "@/lib/endpoint";

// The snippets (and their generator) load when the panel is first opened, or on a hover or
// focus of its summary just before: few visitors open it (npm run bench, first-load).
const snippets = onDemand(() => import("./api-snippets"));
const preload = () => void snippets.preload().catch(() => {});

/** The current input as API code, in a disclosure that loads its contents when opened. */
export function ApiPanel({ input, model }: { input: EditInput; model: ModelId }) {
  const [open, setOpen] = useState(false);
  const loaded = useOnDemand(snippets, open);

  return (
    <details
      className="group rounded-lg border border-zinc-200 dark:border-zinc-800"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary
        onPointerEnter={preload}
        onFocus={preload}
        className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-lg px-3 py-2 hover:bg-zinc-50 dark:hover:bg-zinc-800/50 [&::-webkit-details-marker]:hidden"
      >
        <h2 className="text-sm font-medium">API</h2>
        <span className="flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
          cURL, JavaScript, Python
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            className="size-3.5 transition-transform group-open:rotate-180"
          >
            <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
        </span>
      </summary>
      <div className="border-t border-zinc-200 p-3 dark:border-zinc-800">
        {loaded ? (
          <loaded.ApiSnippets input={input} model={model} />
        ) : (
          <p role="status" className="min-h-40 text-xs text-zinc-500 dark:text-zinc-400">
            Loading snippets…
          </p>
        )}
      </div>
    </details>
  );
}
