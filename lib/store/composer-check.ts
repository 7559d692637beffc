/**
 * The composer's input checked against the endpoint schema, each issue put on the field that
 * caused it. Kept apart from composer-form.ts because it brings zod: the page loads it once
 * someone starts composing (components/composer/use-run-readiness.ts), the presenter's live edit
 * and the tests import it directly.
 */
import type { EditInput } from "@/lib/endpoint";
import { inputSchemaFor } from "@/lib/endpoint/schema";
import { draftInput, type ComposerForm, type FieldErrors, type FieldName } from "./composer-form";

/** The input a run would send, and every field's problem. */
export function buildInput(
  form: ComposerForm,
  prompt: string,
  referenceUrls: string[],
): { input: EditInput; errors: FieldErrors } {
  const input = draftInput(form, prompt, referenceUrls);
  const parsed = inputSchemaFor(form.model).safeParse(input);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, sub] = issue.path;
      const name = (
        field === "image_size" && (sub === "width" || sub === "height")
          ? `image_size.${sub}`
          : String(field)
      ) as FieldName;
      errors[name] ??= issue.message;
    }
  }
  return { input, errors };
}
