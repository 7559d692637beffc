"use client";

import { useId } from "react";
import { cn } from "@/lib/cn";
import type { LiveEditMode } from "@/lib/presenter/live-edit";

const MODES: { mode: LiveEditMode; label: string }[] = [
  { mode: "image", label: "From this image" },
  { mode: "recipe", label: "Same references and settings" },
];

/**
 * What a live edit starts from, as two real radio buttons (arrows move between them). Dark in
 * both colour schemes, like the stage it sits on.
 */
export function LiveEditModeChoice({
  value,
  disabled,
  onChange,
}: {
  value: LiveEditMode;
  disabled?: boolean;
  onChange: (mode: LiveEditMode) => void;
}) {
  const name = useId();
  return (
    <fieldset disabled={disabled} className="flex rounded-lg bg-zinc-800 p-0.5">
      <legend className="sr-only">Start from</legend>
      {MODES.map(({ mode, label }) => (
        <label
          key={mode}
          className={cn(
            "cursor-pointer rounded-md px-2.5 py-1 text-xs transition-colors has-[:disabled]:cursor-not-allowed has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500",
            mode === value ? "bg-zinc-100 text-zinc-900" : "text-zinc-300 hover:bg-zinc-700",
          )}
        >
          <input
            type="radio"
            name={name}
            className="sr-only"
            checked={mode === value}
            onChange={() => onChange(mode)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
