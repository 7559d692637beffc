"use client";

import { Button } from "@/components/ui/button";
import {
  ENDPOINTS,
  INPUT_RANGES,
  keepAspectAvailable,
  OUTPUT_FORMATS,
  type Size,
} from "@/lib/endpoint";
import type { FieldErrors } from "@/lib/store/composer-form";
import { usePlayground } from "@/lib/store/playground-store";
import { ChoiceGroup } from "./choice-group";
import { NumberField } from "./number-field";
import { SeedField } from "./seed-field";
import { SizeField } from "./size-field";
import { Toggle } from "./toggle";

const IMAGE_COUNTS = Array.from({ length: INPUT_RANGES.numImages.max }, (_, i) => i + 1);

/** Every input of the endpoint besides prompt and references, bound to the schema's limits. */
export function ParametersPanel({
  errors,
  output,
  referenceCount,
  keepsAspect,
}: {
  errors: FieldErrors;
  output: Size;
  referenceCount: number;
  keepsAspect: boolean;
}) {
  const form = usePlayground((s) => s.form);
  const updateForm = usePlayground((s) => s.updateForm);
  const resetForm = usePlayground((s) => s.resetForm);
  const modelNote = usePlayground((s) => s.modelNote);
  const { label, steps, guidance } = ENDPOINTS[form.model];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold">Parameters</h2>
        <Button variant="ghost" className="px-2 py-1 text-xs" onClick={resetForm}>
          Reset to defaults
        </Button>
      </div>
      <SizeField output={output} keepsAspect={keepsAspect} errors={errors} />
      <Toggle
        label="Keep original aspect"
        checked={keepsAspect}
        disabled={!keepAspectAvailable(referenceCount)}
        onChange={(keepOriginalAspect) => updateForm({ keepOriginalAspect })}
        note={
          keepAspectAvailable(referenceCount)
            ? "The output takes the reference's aspect, at about 4 MP, instead of the size above."
            : `Needs exactly one reference image (you have ${referenceCount}).`
        }
      />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
        <NumberField
          label="Steps"
          value={form.steps}
          onChange={(steps) => updateForm({ steps })}
          min={steps.min}
          max={steps.max}
          error={errors.num_inference_steps}
          hint={
            form.model === "dev"
              ? `Dev is distilled for ${steps.default}.`
              : `${steps.default} for Full (${steps.min}–${steps.max}).`
          }
        />
        <NumberField
          label="Guidance"
          value={form.guidance}
          onChange={(guidance) => updateForm({ guidance })}
          min={guidance.min}
          max={guidance.max}
          step={0.1}
          error={errors.guidance_scale}
          hint={`${guidance.default} for ${label}.`}
        />
      </div>
      {modelNote && (
        <p role="status" className="-mt-2 text-xs text-accent-700 dark:text-accent-400">
          {modelNote}
        </p>
      )}
      <div className="grid grid-cols-2 gap-4">
        <ChoiceGroup
          label="Images"
          options={IMAGE_COUNTS}
          value={form.numImages}
          onChange={(numImages) => updateForm({ numImages })}
        />
        <ChoiceGroup
          label="Format"
          options={OUTPUT_FORMATS}
          value={form.outputFormat}
          format={(f) => f.toUpperCase()}
          onChange={(outputFormat) => updateForm({ outputFormat })}
        />
      </div>
      <SeedField error={errors.seed} />
      <Toggle
        label="Safety checker"
        checked={form.safetyChecker}
        onChange={(safetyChecker) => updateForm({ safetyChecker })}
        note={
          form.safetyChecker
            ? "Flagged images are blurred in the results."
            : "Off: images are not checked."
        }
      />
      <Toggle
        label="Sync mode"
        checked={form.syncMode}
        onChange={(syncMode) => updateForm({ syncMode })}
        note={
          form.syncMode ? (
            <span className="text-amber-700 dark:text-amber-400">
              Images come back inline as data URIs: large answers can exceed Vercel&apos;s 4.5 MB
              response limit, and fal keeps no copy in its request history.
            </span>
          ) : (
            "Off: images are stored on fal's CDN and linked."
          )
        }
      />
    </div>
  );
}
