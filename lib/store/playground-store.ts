/**
 * The playground's one store, in slices. Persistence rules are in persistence.ts: transient
 * values (object URLs, File objects, in-flight phases, limits) never reach storage.
 */
import { create } from "zustand";
import { persist } from "zustand/middleware";
import { createComposerSlice, type ComposerSlice } from "./composer";
import { createLimitsSlice, type LimitsSlice } from "./limits";
import { persistOptions } from "./persistence";
import { createPresenterSlice, type PresenterSlice } from "./presenter";
import { createRecipesSlice, type RecipesSlice } from "./recipes";
import { createReferencesSlice, type ReferencesSlice } from "./references";
import { createRunsSlice, type RunsSlice } from "./runs";
import { createSelectionSlice, type SelectionSlice } from "./selection";
import { createSharesSlice, type SharesSlice } from "./shares";
import { createStarsSlice, type StarsSlice } from "./stars";

export type PlaygroundState = ComposerSlice &
  ReferencesSlice &
  RecipesSlice &
  RunsSlice &
  SelectionSlice &
  StarsSlice &
  SharesSlice &
  PresenterSlice &
  LimitsSlice;

export const usePlayground = create<PlaygroundState>()(
  persist(
    (...a) => ({
      ...createComposerSlice(...a),
      ...createReferencesSlice(...a),
      ...createRecipesSlice(...a),
      ...createRunsSlice(...a),
      ...createSelectionSlice(...a),
      ...createStarsSlice(...a),
      ...createSharesSlice(...a),
      ...createPresenterSlice(...a),
      ...createLimitsSlice(...a),
    }),
    persistOptions,
  ),
);
