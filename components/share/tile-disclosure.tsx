import type { ReactNode } from "react";
import { ShareIcon } from "./share-icons";

/** A closed-by-default detail under a tile; native <details>, so it needs no script at all. */
export function TileDisclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="group min-w-0">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded text-xs font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100 [&::-webkit-details-marker]:hidden">
        <ShareIcon name="chevron" className="size-3.5 transition-transform group-open:rotate-90" />
        {summary}
      </summary>
      <div className="mt-1.5 pl-4.5 text-sm text-zinc-700 dark:text-zinc-300">{children}</div>
    </details>
  );
}
