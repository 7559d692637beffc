"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import type { LogLine } from "@/lib/store/runs";

const LEVEL_CLASS: Record<string, string> = {
  ERROR: "text-red-600 dark:text-red-400",
  WARN: "text-amber-700 dark:text-amber-400",
};

/** The run's log lines as they arrive; follows the newest unless the reader scrolled up. */
export function RunLogs({ logs }: { logs: LogLine[] }) {
  const box = useRef<HTMLOListElement>(null);
  const following = useRef(true);

  useEffect(() => {
    const el = box.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [logs.length]);

  if (logs.length === 0)
    return <p className="text-xs text-zinc-500 dark:text-zinc-400">Waiting for logs…</p>;
  return (
    <div className="relative">
      <CopyLogsButton logs={logs} />
      <ol
        ref={box}
        aria-label="Run logs"
        aria-live="polite"
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
        className="max-h-44 overflow-y-auto rounded-lg bg-zinc-950 p-2.5 pt-8 font-mono text-[11px] leading-relaxed text-zinc-300"
      >
        {logs.map((line, index) => (
          <li key={index} className={cn("flex gap-2", LEVEL_CLASS[line.level])}>
            <time className="shrink-0 text-zinc-500">{line.timestamp.slice(11, 19)}</time>
            <span className="break-all whitespace-pre-wrap">{line.message}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Copies every line as text (time, level, message), for a bug report or a support ticket. */
function CopyLogsButton({ logs }: { logs: LogLine[] }) {
  const [copied, setCopied] = useState(false);
  const text = () => logs.map((l) => `${l.timestamp} ${l.level.padEnd(6)} ${l.message}`).join("\n");
  return (
    <button
      type="button"
      onClick={() =>
        void navigator.clipboard?.writeText(text()).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        })
      }
      className="absolute top-1.5 right-4 z-10 rounded bg-zinc-800 px-2 py-0.5 text-[11px] text-zinc-200 hover:bg-zinc-700"
    >
      <span aria-live="polite">{copied ? "Copied" : "Copy all"}</span>
    </button>
  );
}
