"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/lib/cn";

export interface TabItem<K extends string> {
  id: K;
  /** Text, or text with a small badge (a count): it is the tab's accessible name too. */
  label: ReactNode;
  panel: ReactNode;
}

const MOVES: Record<string, (index: number, last: number) => number> = {
  ArrowRight: (i, last) => (i === last ? 0 : i + 1),
  ArrowLeft: (i, last) => (i === 0 ? last : i - 1),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * Tabs after the WAI-ARIA pattern with automatic activation: one tab stop, arrow keys, Home
 * and End move between tabs. Every panel stays mounted (hidden when inactive), so panel state
 * such as a "Copied" label survives switching tabs. Panels get no tab stop of their own, so
 * each should start with something focusable (the pattern asks for one or the other).
 */
export function Tabs<K extends string>({
  label,
  items,
  defaultValue,
  className,
  onChange,
}: {
  /** Names the tab list for assistive technology. */
  label: string;
  items: readonly TabItem<K>[];
  defaultValue?: K;
  className?: string;
  /** Told of every change of tab, for a caller whose panel acts on being shown. */
  onChange?(id: K): void;
}) {
  const baseId = useId();
  const [chosen, setChosen] = useState<K | undefined>(defaultValue);
  const tabs = useRef(new Map<K, HTMLButtonElement>());
  const selected = items.some((item) => item.id === chosen) ? chosen : items[0]?.id;
  const tabId = (id: K) => `${baseId}-tab-${id}`;
  const panelId = (id: K) => `${baseId}-panel-${id}`;
  const choose = (id: K) => {
    setChosen(id);
    onChange?.(id);
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const move = MOVES[event.key];
    const next = move && items[move(index, items.length - 1)];
    if (!next) return;
    event.preventDefault();
    choose(next.id);
    tabs.current.get(next.id)?.focus();
  };

  return (
    <div className={cn("flex min-w-0 flex-col gap-2", className)}>
      <div
        role="tablist"
        aria-label={label}
        className="flex max-w-full self-start overflow-x-auto rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800"
      >
        {items.map((item, index) => (
          <button
            key={item.id}
            ref={(node) => {
              if (node) tabs.current.set(item.id, node);
              else tabs.current.delete(item.id);
            }}
            type="button"
            role="tab"
            id={tabId(item.id)}
            aria-selected={item.id === selected}
            aria-controls={panelId(item.id)}
            tabIndex={item.id === selected ? 0 : -1}
            onClick={() => choose(item.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className="shrink-0 rounded-md px-2.5 py-1 text-xs font-medium whitespace-nowrap text-zinc-600 transition-colors hover:text-zinc-900 aria-selected:bg-white aria-selected:text-zinc-900 aria-selected:shadow-sm dark:text-zinc-400 dark:hover:text-zinc-100 dark:aria-selected:bg-zinc-950 dark:aria-selected:text-zinc-100"
          >
            {item.label}
          </button>
        ))}
      </div>
      {items.map((item) => (
        <div
          key={item.id}
          role="tabpanel"
          id={panelId(item.id)}
          aria-labelledby={tabId(item.id)}
          hidden={item.id !== selected}
          className="min-w-0 rounded-lg"
        >
          {item.panel}
        </div>
      ))}
    </div>
  );
}
