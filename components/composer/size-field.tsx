"use client";

import { useId } from "react";
import {
  IMAGE_SIZE_PRESETS,
  megapixels,
  NAMED_SIZES,
  snapToPreset,
  type Size,
} from "@/lib/endpoint";
import type { FieldErrors, SizeChoice } from "@/lib/store/composer-form";
import { usePlayground } from "@/lib/store/playground-store";
import { errorProps, Field, inputClass } from "./field";

const LABELS: Record<(typeof IMAGE_SIZE_PRESETS)[number], string> = {
  square_hd: "Square HD · 1:1",
  square: "Square · 1:1",
  portrait_4_3: "Portrait · 3:4",
  portrait_16_9: "Portrait · 9:16",
  landscape_4_3: "Landscape · 4:3",
  landscape_16_9: "Landscape · 16:9",
};

/** image_size: the presets with their aspect and real output, or a custom width × height. */
export function SizeField({
  output,
  keepsAspect,
  errors,
}: {
  output: Size;
  keepsAspect: boolean;
  errors: FieldErrors;
}) {
  const form = usePlayground((s) => s.form);
  const updateForm = usePlayground((s) => s.updateForm);
  const id = useId();
  const sizeError = errors["image_size.width"] ?? errors["image_size.height"] ?? errors.image_size;
  const summary = keepsAspect
    ? `Output ≈ ${output.width} × ${output.height}, ${megapixels(output).toFixed(1)} MP (the reference's aspect)`
    : `Output ≈ ${output.width} × ${output.height}, ${megapixels(output).toFixed(1)} MP`;

  return (
    <Field label="Output size" htmlFor={id} error={sizeError} hint={summary}>
      <select
        id={id}
        value={form.sizeChoice}
        disabled={keepsAspect}
        onChange={(e) => updateForm({ sizeChoice: e.target.value as SizeChoice })}
        className={inputClass}
      >
        <option value="default">Default · 2048 × 2048</option>
        {IMAGE_SIZE_PRESETS.map((preset) => {
          const out = snapToPreset(NAMED_SIZES[preset]);
          return (
            <option key={preset} value={preset}>
              {LABELS[preset]} → {out.width} × {out.height}
            </option>
          );
        })}
        <option value="custom">Custom width × height</option>
      </select>
      {form.sizeChoice === "custom" && !keepsAspect && (
        <div className="flex items-center gap-2">
          <input
            {...errorProps(`${id}-w`, errors["image_size.width"])}
            aria-label="Custom width"
            type="number"
            min={1}
            value={form.customWidth}
            onChange={(e) => updateForm({ customWidth: e.target.value })}
            className={`${inputClass} w-full`}
          />
          <span aria-hidden className="text-zinc-400">
            ×
          </span>
          <input
            {...errorProps(`${id}-h`, errors["image_size.height"])}
            aria-label="Custom height"
            type="number"
            min={1}
            value={form.customHeight}
            onChange={(e) => updateForm({ customHeight: e.target.value })}
            className={`${inputClass} w-full`}
          />
        </div>
      )}
    </Field>
  );
}
