/** The composer slice: the prompt, the form, and fal's own complaints about the last input. */
import type { StateCreator } from "zustand";
import { ENDPOINTS, type EditInput, type ModelId } from "@/lib/endpoint";
import {
  DEFAULT_FORM,
  formFromInput,
  switchModel,
  type ComposerForm,
  type FieldErrors,
} from "./composer-form";
import type { PlaygroundState } from "./playground-store";

export interface ComposerSlice {
  prompt: string;
  form: ComposerForm;
  /** Field errors from fal's last 422, shown until the user edits that field. */
  serverErrors: FieldErrors;
  /** What the last model switch reset, said beside the fields it changed. */
  modelNote?: string;
  setPrompt(prompt: string): void;
  updateForm(change: Partial<ComposerForm>): void;
  resetForm(): void;
  setServerErrors(errors: FieldErrors): void;
  /** Dev or Full: keeps what both share, resets steps and guidance to the new model's defaults. */
  chooseModel(model: ModelId): void;
  /** Puts a past run's prompt, parameters, model and references back in the composer. */
  reuseInput(input: EditInput, model?: ModelId): void;
  /** Fixes the seed to one a past result used. */
  reuseSeed(seed: number): void;
}

/** Which server errors a form change clears. */
const FIELD_OF: Partial<Record<keyof ComposerForm, keyof FieldErrors>> = {
  sizeChoice: "image_size",
  customWidth: "image_size",
  customHeight: "image_size",
  steps: "num_inference_steps",
  guidance: "guidance_scale",
  seed: "seed",
  seedMode: "seed",
  numImages: "num_images",
  outputFormat: "output_format",
  safetyChecker: "enable_safety_checker",
  syncMode: "sync_mode",
  keepOriginalAspect: "keep_original_aspect",
};

export const createComposerSlice: StateCreator<PlaygroundState, [], [], ComposerSlice> = (
  set,
  get,
) => ({
  prompt: "",
  form: DEFAULT_FORM,
  serverErrors: {},
  setPrompt: (prompt) =>
    set((state) => ({ prompt, serverErrors: { ...state.serverErrors, prompt: undefined } })),
  updateForm: (change) =>
    set((state) => {
      const serverErrors = { ...state.serverErrors };
      for (const key of Object.keys(change) as (keyof ComposerForm)[]) {
        const field = FIELD_OF[key];
        if (field) delete serverErrors[field];
      }
      const steps = change.steps !== undefined || change.guidance !== undefined;
      return {
        form: { ...state.form, ...change },
        serverErrors,
        modelNote: steps ? undefined : state.modelNote,
      };
    }),
  resetForm: () =>
    set((state) => ({
      form: switchModel(DEFAULT_FORM, state.form.model),
      serverErrors: {},
      modelNote: undefined,
    })),
  setServerErrors: (serverErrors) => set({ serverErrors }),
  chooseModel: (model) =>
    set((state) => {
      const form = switchModel(state.form, model);
      if (form === state.form) return {};
      const changed = form.steps !== state.form.steps || form.guidance !== state.form.guidance;
      const { label, steps, guidance } = ENDPOINTS[model];
      return {
        form,
        serverErrors: {},
        modelNote: changed
          ? `Steps ${steps.default} and guidance ${guidance.default}: ${label}'s defaults. Prompt, references, size, seed and count are kept.`
          : undefined,
      };
    }),
  reuseInput: (input, model) => {
    get().setReferenceUrls(input.reference_image_urls ?? []);
    set({
      prompt: input.prompt,
      form: formFromInput(input, model),
      serverErrors: {},
      modelNote: undefined,
    });
  },
  reuseSeed: (seed) =>
    set((state) => ({ form: { ...state.form, seedMode: "fixed", seed: String(seed) } })),
});
