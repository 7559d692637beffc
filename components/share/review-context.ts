"use client";

import { createContext, use } from "react";
import type { PublicFeedback } from "@/lib/shares/public-share";
import type { Mark } from "@/lib/shares/share";

/** What the browser needs of an image: the rest (prompt, parameters) stays in the server HTML. */
export interface ReviewImage {
  id: string;
  src: string;
  width?: number;
  height?: number;
}

export interface Notice {
  tone: "saved" | "error";
  text: string;
}

/** Where an outcome is said: beside the mark buttons, or under the comment box. */
export type NoticeSlot = "mark" | "comment";
export const noticeKey = (imageId: string, slot: NoticeSlot) => `${imageId}:${slot}`;

export interface ReviewState {
  shareId: string;
  images: readonly ReviewImage[];
  /** As saved, with what is still being sent laid over it. */
  feedback: PublicFeedback;
  /** Comments per image id (absent: none). */
  commentCounts: ReadonlyMap<string, number>;
  /** Comments shown but not yet saved. */
  sendingComments: ReadonlySet<string>;
  locked: boolean;
  notices: Readonly<Record<string, Notice>>;
  /** Images whose file fal no longer serves. */
  expired: ReadonlySet<string>;
  /** Unsent comment text per image: survives closing the lightbox and a failed send. */
  drafts: Map<string, string>;
  setMark(imageId: string, mark: Mark | null): void;
  /** Resolves true once saved; on false the notice says why and the draft stays. */
  postComment(imageId: string, text: string): Promise<boolean>;
  markExpired(imageId: string): void;
  /** Opens the lightbox on an image, optionally with the comment box focused. */
  open(index: number, focusComment?: boolean): void;
  /** Starts loading the lightbox's code before it is needed (hover, focus). */
  preload(): void;
}

export const ReviewContext = createContext<ReviewState | null>(null);

/** The share's review state; only inside ShareReviewProvider. */
export function useReview(): ReviewState {
  const state = use(ReviewContext);
  if (!state) throw new Error("useReview needs a ShareReviewProvider above it.");
  return state;
}
