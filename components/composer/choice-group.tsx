"use client";

import { useId } from "react";
import { cn } from "@/lib/cn";

/** A segmented control: real radio buttons, so arrows and screen readers work as expected. */
export function ChoiceGroup<T extends string | number>({
  label,
  options,
  value,
  onChange,
  format = String,
}: {
  label: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  format?: (value: T) => string;
}) {
  const name = useId();
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-sm font-medium">{label}</legend>
      <div className="flex rounded-lg border border-zinc-300 p-0.5 dark:border-zinc-700">
        {options.map((option) => (
          <label
            key={String(option)}
            className={cn(
              "flex-1 cursor-pointer rounded-md px-2 py-1 text-center text-sm transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500",
              option === value
                ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
            )}
          >
            <input
              type="radio"
              name={name}
              className="sr-only"
              checked={option === value}
              onChange={() => onChange(option)}
            />
            {format(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
