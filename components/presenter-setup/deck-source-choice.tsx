"use client";

import type { DeckSource } from "@/lib/presenter/deck";

const LABELS: Record<DeckSource, string> = {
  selection: "Selection",
  starred: "Starred",
  shown: "Everything shown",
};

/** Which results to present; a source with nothing in it cannot be chosen. */
export function DeckSourceChoice({
  value,
  sizes,
  onChange,
}: {
  value: DeckSource;
  sizes: Record<DeckSource, number>;
  onChange(source: DeckSource): void;
}) {
  return (
    <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
      <legend className="mb-1 text-sm font-medium">What to present</legend>
      {(Object.keys(LABELS) as DeckSource[]).map((source) => (
        <label
          key={source}
          className="inline-flex items-center gap-1.5 text-sm has-disabled:cursor-not-allowed has-disabled:opacity-50"
        >
          <input
            type="radio"
            name="deck-source"
            value={source}
            checked={value === source}
            disabled={sizes[source] === 0}
            onChange={() => onChange(source)}
            className="size-4 accent-accent-600"
          />
          {LABELS[source]} ({sizes[source]})
        </label>
      ))}
    </fieldset>
  );
}
