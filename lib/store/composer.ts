/** The composer slice: the prompt and the endpoint's parameters as the user set them. */
import type { StateCreator } from "zustand";
import { DEFAULT_IMAGE_SIZE, LIMITS, type ImageSize, type OutputFormat } from "@/lib/endpoint";
import type { PlaygroundState } from "./playground-store";

export interface ComposerSettings {
  image_size: ImageSize;
  num_images: number;
  output_format: OutputFormat;
}

export const DEFAULT_SETTINGS: ComposerSettings = {
  image_size: DEFAULT_IMAGE_SIZE,
  num_images: LIMITS.numImages.default,
  output_format: "png",
};

export interface ComposerSlice {
  prompt: string;
  settings: ComposerSettings;
  setPrompt(prompt: string): void;
  updateSettings(change: Partial<ComposerSettings>): void;
}

export const createComposerSlice: StateCreator<PlaygroundState, [], [], ComposerSlice> = (set) => ({
  prompt: "",
  settings: DEFAULT_SETTINGS,
  setPrompt: (prompt) => set({ prompt }),
  updateSettings: (change) => set((state) => ({ settings: { ...state.settings, ...change } })),
});
