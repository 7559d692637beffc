"use client";

import { costUsd, editInputSchema, outputSize, type EditInput, type Size } from "@/lib/endpoint";
import { usePlayground } from "@/lib/store/playground-store";

export interface RunReadiness {
  input?: EditInput;
  /** Why Run is disabled, in words, when it is. */
  blocker?: string;
  output: Size;
  costUsd: number;
}

/** Derives the input a run would send, whether it can be sent, and what it would cost. */
export function useRunReadiness(): RunReadiness {
  const prompt = usePlayground((s) => s.prompt);
  const references = usePlayground((s) => s.references);
  const settings = usePlayground((s) => s.settings);
  const output = outputSize(settings);
  const cost = costUsd(output, settings.num_images);

  let blocker: string | undefined;
  if (references.length === 0) blocker = "Add at least one reference image.";
  else if (references.some((r) => r.status === "uploading"))
    blocker = "Waiting for uploads to finish…";
  else if (references.some((r) => r.status === "failed"))
    blocker = "Retry or remove the reference that failed to upload.";
  else if (!prompt.trim()) blocker = "Write a prompt.";
  if (blocker) return { blocker, output, costUsd: cost };

  const input: EditInput = {
    prompt,
    reference_image_urls: references.map((r) => r.url!),
    ...settings,
  };
  const parsed = editInputSchema.safeParse(input);
  if (!parsed.success) return { blocker: parsed.error.issues[0]?.message, output, costUsd: cost };
  return { input, output, costUsd: cost };
}
