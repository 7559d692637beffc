"use client";

import { useId, type FormEvent } from "react";
import { ChoiceGroup } from "@/components/composer/choice-group";
import { Toggle } from "@/components/composer/toggle";
import { Button } from "@/components/ui/button";
import { EXPIRY_LABELS } from "@/lib/shares/owned-share";
import { RETENTION_NOTE } from "@/lib/shares/retention";
import { SHARE_EXPIRIES, SHARE_LIMITS, type ShareOptions } from "@/lib/shares/share";
import type { SharePick } from "@/lib/shares/share-input";
import type { ShareFormValues } from "./share-form-values";
import { ShareImageCount } from "./share-image-count";

const FIELD =
  "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/** The share's title, note, what the client sees, expiry and passcode. */
export function ShareForm({
  pick,
  values,
  onChange,
  onSubmit,
  busy,
  error,
}: {
  pick: SharePick;
  values: ShareFormValues;
  onChange(values: ShareFormValues): void;
  onSubmit(): void;
  busy: boolean;
  error?: string;
}) {
  const id = useId();
  const set = (change: Partial<ShareFormValues>) => onChange({ ...values, ...change });
  const option = (key: keyof ShareOptions) => (checked: boolean) =>
    set({ options: { ...values.options, [key]: checked } });
  const hasReferences = pick.images.some((image) => image.referenceUrls?.length);
  const shortPasscode =
    values.passcode.length > 0 && values.passcode.length < SHARE_LIMITS.passcodeChars.min;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-busy={busy}>
      <ShareImageCount pick={pick} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-title`} className="text-sm font-medium">
          Title
        </label>
        <input
          id={`${id}-title`}
          required
          maxLength={SHARE_LIMITS.titleChars}
          value={values.title}
          onChange={(e) => set({ title: e.target.value })}
          className={FIELD}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-note`} className="text-sm font-medium">
          Note to the client <span className="font-normal text-zinc-500">(optional)</span>
        </label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={SHARE_LIMITS.noteChars}
          value={values.note}
          onChange={(e) => set({ note: e.target.value })}
          className={FIELD}
        />
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium">
          What the client sees besides the images
        </legend>
        <p className="-mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          Prompt and parameters are off by default: they may be confidential.
        </p>
        <Toggle
          label="Show prompt"
          checked={values.options.showPrompt}
          onChange={option("showPrompt")}
        />
        <Toggle
          label="Show parameters and seed"
          checked={values.options.showParameters}
          onChange={option("showParameters")}
          note="Model, size, steps, guidance and the seed."
        />
        <Toggle
          label="Show reference images"
          checked={values.options.showReferences}
          disabled={!hasReferences}
          onChange={option("showReferences")}
          note={
            hasReferences ? undefined : "None of these images has a reference with a web address."
          }
        />
        <Toggle
          label="Before/after with the first reference"
          checked={values.options.beforeAfter}
          disabled={!hasReferences}
          onChange={option("beforeAfter")}
          note="A slider between the first reference and the result."
        />
      </fieldset>
      <div className="flex flex-col gap-1">
        <ChoiceGroup
          label="Link expires after"
          options={SHARE_EXPIRIES}
          value={values.expiry}
          onChange={(expiry) => set({ expiry })}
          format={(expiry) => EXPIRY_LABELS[expiry]}
        />
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{RETENTION_NOTE}</p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-passcode`} className="text-sm font-medium">
          Passcode <span className="font-normal text-zinc-500">(optional)</span>
        </label>
        <input
          id={`${id}-passcode`}
          autoComplete="off"
          spellCheck={false}
          maxLength={SHARE_LIMITS.passcodeChars.max}
          aria-invalid={shortPasscode}
          aria-describedby={`${id}-passcode-note`}
          value={values.passcode}
          onChange={(e) => set({ passcode: e.target.value })}
          className={FIELD}
        />
        <p id={`${id}-passcode-note`} className="text-xs text-zinc-500 dark:text-zinc-400">
          At least {SHARE_LIMITS.passcodeChars.min} characters. The client types it before seeing
          anything; send it apart from the link.
        </p>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" busy={busy} disabled={pick.images.length === 0}>
          {busy ? "Creating link…" : "Create link"}
        </Button>
      </div>
    </form>
  );
}
