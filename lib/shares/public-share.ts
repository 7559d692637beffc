/**
 * What a share page and its browser code see of a share: no hashes, no reviewer ids, no owner
 * data. Also the one place that spells the share's URLs (page, thumbnails, downloads).
 */
import type { Mark, ShareOptions } from "./share";

/** Widths the thumbnail route makes; a srcset lists them and the browser picks one. */
export const THUMB_WIDTHS = [320, 640, 960, 1280] as const;
export type ThumbWidth = (typeof THUMB_WIDTHS)[number];

export const sharePath = (shareId: string) => `/s/${shareId}`;
export const thumbPath = (shareId: string, imageId: string, width: ThumbWidth) =>
  `/s/${shareId}/image/${imageId}?w=${width}`;
export const downloadPath = (shareId: string, imageId: string) =>
  `/s/${shareId}/image/${imageId}/download`;
/** A reference image of a shared image (k-th, from 0), resized like a thumbnail. */
export const referencePath = (shareId: string, imageId: string, k: number, width: ThumbWidth) =>
  `/s/${shareId}/image/${imageId}/ref/${k}?w=${width}`;

export interface PublicShareImage {
  id: string;
  width?: number;
  height?: number;
  /** The original file (fal's media URL, or this app's demo file path): for the lightbox. */
  src: string;
  prompt?: string;
  parameters?: Record<string, string>;
  seed?: number;
  model?: string;
  /** How many reference images can be shown (referencePath k = 0 … count - 1). */
  referenceCount: number;
}

export interface PublicShare {
  id: string;
  title: string;
  note?: string;
  options: ShareOptions;
  images: PublicShareImage[];
  createdAt: number;
  expiresAt: number | null;
  /** Feedback is closed; the page stays. */
  locked: boolean;
}

export interface PublicImageFeedback {
  approved: number;
  changes: number;
  /** This reviewer's own mark (from their cookie), or null. */
  mine: Mark | null;
}

export interface PublicComment {
  id: string;
  imageId: string;
  name?: string;
  text: string;
  at: number;
  /** Written by this reviewer. */
  mine: boolean;
}

export interface PublicFeedback {
  images: Record<string, PublicImageFeedback>;
  comments: PublicComment[];
}

export type SharePageData =
  | { kind: "missing" }
  | { kind: "gone"; state: "expired" | "revoked" }
  | { kind: "passcode"; id: string; title: string }
  | { kind: "unavailable"; detail: string }
  | { kind: "ready"; share: PublicShare; feedback: PublicFeedback };

/** A share API refusal, in the same shape as the fal proxy's: `{ detail, error_type }`. */
export interface ShareApiError {
  detail: string;
  error_type: string;
}
