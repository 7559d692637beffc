"use client";

import { useMemo } from "react";
import { Icon } from "@/components/gallery/icons";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { starredKeys } from "@/lib/presenter/deck";
import { usePlayground } from "@/lib/store/playground-store";

/** Lists only the starred results (pressed) or everything; says how many are starred. */
export function StarredOnlyToggle() {
  const starredOnly = usePlayground((s) => s.starredOnly);
  const setStarredOnly = usePlayground((s) => s.setStarredOnly);
  // Counted when the runs change, not on every change of the store (each key typed in the prompt).
  const runs = usePlayground((s) => s.runs);
  const count = useMemo(() => starredKeys(runs).length, [runs]);
  return (
    <Button
      variant="ghost"
      aria-pressed={starredOnly}
      title={starredOnly ? "Show every run" : "Show only the results you starred"}
      onClick={() => setStarredOnly(!starredOnly)}
      className={cn(
        "gap-1 px-2 py-1 text-xs",
        starredOnly &&
          "bg-amber-100 text-amber-900 hover:bg-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:hover:bg-amber-900",
      )}
    >
      <Icon
        name="star"
        fill={starredOnly ? "currentColor" : "none"}
        className="size-3.5 shrink-0"
      />
      Starred only <span className="tabular-nums">({count})</span>
    </Button>
  );
}
