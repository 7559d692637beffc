"use client";

import { useId } from "react";
import { errorProps, Field, inputClass } from "./field";

/** A slider and a number box bound to the same typed text, so any value can be typed and checked. */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
  error,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  min: number;
  max: number;
  step?: number;
  error?: string;
  hint?: string;
}) {
  const id = useId();
  const numeric = Number(value);
  return (
    <Field label={label} htmlFor={id} error={error} hint={hint}>
      <div className="flex items-center gap-3">
        <input
          type="range"
          aria-label={`${label} slider`}
          min={min}
          max={max}
          step={step}
          value={Number.isFinite(numeric) ? Math.min(max, Math.max(min, numeric)) : min}
          onChange={(e) => onChange(e.target.value)}
          className="h-1.5 flex-1 cursor-pointer accent-accent-600"
        />
        <input
          {...errorProps(id, error)}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={`${inputClass} w-20`}
        />
      </div>
    </Field>
  );
}
