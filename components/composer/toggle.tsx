"use client";

import { useId, type ReactNode } from "react";

/** An on/off setting: a checkbox with the switch role, its label and a note under it. */
export function Toggle({
  label,
  checked,
  onChange,
  disabled,
  note,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  note?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label
        htmlFor={id}
        className="flex cursor-pointer items-center justify-between gap-3 text-sm font-medium has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60"
      >
        {label}
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={checked}
          disabled={disabled}
          aria-describedby={note ? `${id}-note` : undefined}
          onChange={(e) => onChange(e.target.checked)}
          className="peer relative h-5 w-9 shrink-0 cursor-pointer appearance-none rounded-full bg-zinc-300 transition-colors before:absolute before:top-0.5 before:left-0.5 before:size-4 before:rounded-full before:bg-white before:shadow before:transition-transform checked:bg-accent-600 checked:before:translate-x-4 disabled:cursor-not-allowed dark:bg-zinc-700 dark:checked:bg-accent-500"
        />
      </label>
      {note && (
        <p id={`${id}-note`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {note}
        </p>
      )}
    </div>
  );
}
