/**
 * The playground's one store, in slices. Nothing is persisted yet; when it is, transient values
 * (object URLs, File objects, in-flight phases) stay out of storage.
 */
import { create } from "zustand";
import { createComposerSlice, type ComposerSlice } from "./composer";
import { createReferencesSlice, type ReferencesSlice } from "./references";
import { createRunsSlice, type RunsSlice } from "./runs";

export type PlaygroundState = ComposerSlice & ReferencesSlice & RunsSlice;

export const usePlayground = create<PlaygroundState>()((...a) => ({
  ...createComposerSlice(...a),
  ...createReferencesSlice(...a),
  ...createRunsSlice(...a),
}));
