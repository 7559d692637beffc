/**
 * What the share dialog's form holds, and how it becomes the API's input. Checked with the
 * contract's own schema, so the dialog says what the server would (and sends nothing it would
 * refuse for a reason the owner can fix here).
 */
import type { SharePick } from "@/lib/shares/share-input";
import { createShareSchema } from "@/lib/shares/share-schemas";
import {
  DEFAULT_SHARE_EXPIRY,
  type CreateShareInput,
  type ShareExpiry,
  type ShareOptions,
} from "@/lib/shares/share";
import { suggestedTitle } from "@/lib/shares/share-input";

export interface ShareFormValues {
  title: string;
  note: string;
  options: ShareOptions;
  expiry: ShareExpiry;
  passcode: string;
}

/** Prompt and parameters start hidden: a client is often not meant to see how it was made. */
export function initialShareValues(pick: SharePick): ShareFormValues {
  return {
    title: suggestedTitle(pick.images[0]?.prompt),
    note: "",
    options: {
      showPrompt: false,
      showParameters: false,
      showReferences: false,
      beforeAfter: false,
    },
    expiry: DEFAULT_SHARE_EXPIRY,
    passcode: "",
  };
}

/** The request to send, or the first problem in words. */
export function shareRequestOf(
  values: ShareFormValues,
  pick: SharePick,
): { input: CreateShareInput } | { error: string } {
  const input: CreateShareInput = {
    title: values.title,
    ...(values.note.trim() && { note: values.note }),
    options: values.options,
    expiry: values.expiry,
    ...(values.passcode && { passcode: values.passcode }),
    images: pick.images,
  };
  const checked = createShareSchema.safeParse(input);
  if (!checked.success) return { error: checked.error.issues[0]?.message ?? "Check the form." };
  return { input };
}
