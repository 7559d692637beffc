"use client";

import {
  costUsd,
  ENDPOINTS,
  keepAspectAvailable,
  outputSize,
  type EditInput,
  type ModelId,
  type Size,
} from "@/lib/endpoint";
import { limitsBlocker } from "@/lib/fal/limits";
import { maxRunCostUsd } from "@/lib/limits/run-cost";
import { onDemand } from "@/lib/on-demand";
import { draftInput, isDefaultForm, type FieldErrors } from "@/lib/store/composer-form";
import { usePlayground } from "@/lib/store/playground-store";
import { useOnDemand } from "@/components/use-on-demand";

/**
 * The schema checks (and zod with them) load once there is something to check: a prompt, a
 * reference or a changed parameter. A first look at the page does not pay for them (npm run
 * bench, first-load). Run cannot be enabled before they have said the input is good.
 */
export const composerCheck = onDemand(() => import("@/lib/store/composer-check"));

export interface RunReadiness {
  /** The input a run would send (shown in the API panel even while it cannot run). */
  input: EditInput;
  /** Which endpoint it goes to. */
  model: ModelId;
  /** Why Run is disabled, in words, when it is. */
  blocker?: string;
  /** Why the input cannot be varied as a grid (the same, but for the limits: a grid prices itself). */
  inputBlocker?: string;
  /** Problems on the parameter fields: the form's own, then fal's from the last 422. */
  errors: FieldErrors;
  output: Size;
  keepsAspect: boolean;
  costUsd: number;
}

/** Derives what a run would send, whether it can be sent, its output size and its cost. */
export function useRunReadiness(): RunReadiness {
  const prompt = usePlayground((s) => s.prompt);
  const references = usePlayground((s) => s.references);
  const form = usePlayground((s) => s.form);
  const serverErrors = usePlayground((s) => s.serverErrors);
  const limits = usePlayground((s) => s.limits);

  const urls = references.map((r) => r.url).filter((url): url is string => !!url);
  const composing = prompt !== "" || references.length > 0 || !isDefaultForm(form);
  const check = useOnDemand(composerCheck, composing);
  const { input, errors: formErrors } = check
    ? check.buildInput(form, prompt, urls)
    : { input: draftInput(form, prompt, urls), errors: {} as FieldErrors };
  // An empty prompt or no references is said once, as the reason Run is disabled, not as a field
  // error from the first second; fal's own complaints about them still show on the field.
  const {
    prompt: _emptyPrompt,
    reference_image_urls: _noReferences,
    ...parameterErrors
  } = formErrors;
  const errors = { ...serverErrors, ...parameterErrors };
  const keepsAspect = form.keepOriginalAspect && keepAspectAvailable(references.length);
  const first = references[0];
  const firstSize = first?.prepared ?? first?.original;
  const output = outputSize(
    {
      ...input,
      keep_original_aspect: keepsAspect,
      reference_image_urls: references.map((r) => r.id),
    },
    firstSize,
  );
  const cost = costUsd(output, form.numImages, form.model);
  const needsReference = references.length < ENDPOINTS[form.model].minReferences;

  const parameterProblem = Object.entries(errors).find(
    ([field]) => field !== "prompt" && field !== "reference_image_urls",
  )?.[1];
  let blocker: string | undefined;
  if (needsReference)
    blocker = "Add at least one reference image: Dev edits an image (Full can start from text).";
  else if (references.some((r) => r.status === "preparing" || r.status === "uploading"))
    blocker = "Waiting for uploads to finish…";
  else if (references.some((r) => r.status === "failed"))
    blocker = "Retry or remove the reference that failed to upload.";
  else if (!prompt.trim()) blocker = "Write a prompt.";
  else if (formErrors.prompt) blocker = formErrors.prompt;
  else if (parameterProblem) blocker = `Fix the parameters: ${parameterProblem}`;
  else if (errors.prompt) blocker = errors.prompt;
  else if (!check) blocker = "Checking the parameters…";
  const inputBlocker = blocker;
  // Priced as the proxy prices it (keep-original-aspect at the largest output), so Run is
  // disabled exactly when the proxy would refuse the run.
  blocker ??= limitsBlocker(limits, maxRunCostUsd(input, form.model));

  return {
    input,
    model: form.model,
    blocker,
    inputBlocker,
    errors,
    output,
    keepsAspect,
    costUsd: cost,
  };
}
