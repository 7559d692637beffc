"use client";

import { useState } from "react";
import { useNow } from "@/components/runs/use-now";
import { elapsedWords } from "@/lib/presenter/words";

/** The time of day (HH:MM) and how long the presentation has run, for the presenter's notes. */
export function PresenterClock() {
  const [startedAt] = useState(() => Date.now());
  const now = useNow(true, 1000);
  return (
    <p className="flex items-baseline justify-between gap-4 tabular-nums">
      <span className="text-3xl font-semibold text-white">
        <span className="sr-only">Time </span>
        {new Date(now).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
      </span>
      <span className="text-lg text-zinc-400">
        <span className="sr-only">Elapsed </span>
        {elapsedWords(now - startedAt)}
      </span>
    </p>
  );
}
