/**
 * Presenter mode, stated once: a slide (one result image and what the presenter may say about
 * it), the live-edit progress the audience sees, and the messages between the presenter's window
 * and the audience window (BroadcastChannel, same origin, no server).
 */

/** One result image on the stage. `key` is the gallery's selection key, `runId:imageIndex`. */
export interface Slide {
  key: string;
  runId: string;
  index: number;
  /** The result's full-size URL. */
  src: string;
  width?: number;
  height?: number;
  /** The run's first reference: the "before" of a before/after wipe, when there is one. */
  beforeSrc?: string;
  prompt: string;
  /** Formatted for the presenter's notes and the second caption press, e.g. ["Steps", "28"]. */
  parameters: [label: string, value: string][];
  seed?: number;
  model: string;
  costUsd?: number;
  /** "queued 0.4 s · inference 21 s", or undefined when not known. */
  timings?: string;
}

/** What the audience is shown of a live edit: calm, no raw logs, no errors. */
export type LiveProgress =
  | { phase: "queued"; position?: number }
  | { phase: "running"; step?: number; steps?: number }
  | { phase: "finishing" };

/** The stage as both windows draw it. */
export interface StageState {
  slides: Slide[];
  index: number;
  /** The before/after wipe: null when off, else the divider's position from 0 (all before) to 1. */
  wipe: number | null;
  /** 0: nothing, 1: the prompt, 2: the prompt with parameters and seed. */
  caption: 0 | 1 | 2;
  /** A live edit in progress (the audience window shows it); null otherwise. */
  progress: LiveProgress | null;
}

export const PRESENTER_CHANNEL = "hidream-playground/presenter";

export type PresenterMessage =
  /** The presenter's stage, sent on every change and in answer to "hello". */
  | { type: "stage"; stage: StageState; sentAt: number }
  /** An audience window opened (or reloaded) and asks for the stage. */
  | { type: "hello" }
  /** The presenter left presenter mode (the audience shows a calm waiting screen). */
  | { type: "ended" };
