/**
 * The gallery's selected results as a share's images: what the share API is sent for each one,
 * and which gallery image became which share image. Everything is sent; the server keeps only
 * what the owner's options let the client see.
 */
import {
  DEFAULT_IMAGE_SIZE,
  endpointOf,
  outputSize,
  type ImageFile,
  type EditOutput,
} from "@/lib/endpoint";
import type { RunRecord } from "@/lib/history/run-record";
import type { OwnedShareImage } from "./owned-share";
import { SHARE_LIMITS, type ShareImageInput } from "./share";

type ShareableRun = Pick<RunRecord, "id" | "input" | "endpointId" | "output">;

const CONTENT_TYPES = new Set(["image/png", "image/jpeg", "image/webp"]);
const isHttp = (url: string) => /^https?:\/\//i.test(url);

export interface SharePick {
  images: ShareImageInput[];
  refs: OwnedShareImage[];
  /** Selected inline (sync mode) results: data: URLs have no address a client could load. */
  inline: number;
  /** Shareable ones past the per-share limit, left out. */
  over: number;
  /** Of those sent, how many fal's safety checker flagged: worth a word before sharing. */
  flagged: number;
}

/** A result's parameters as a client reads them: model, size, steps, guidance. */
export function shareParameters(run: ShareableRun, image: ImageFile): Record<string, string> {
  const spec = endpointOf(run);
  // fal's reported size when it gave one, else the size the model renders for the request.
  const size =
    image.width && image.height
      ? { width: image.width, height: image.height }
      : outputSize({ image_size: run.input.image_size ?? DEFAULT_IMAGE_SIZE });
  return {
    Model: spec.label,
    Size: `${size.width} × ${size.height}`,
    Steps: String(run.input.num_inference_steps ?? spec.steps.default),
    Guidance: String(run.input.guidance_scale ?? spec.guidance.default),
  };
}

function shareImage(run: ShareableRun, output: EditOutput, image: ImageFile): ShareImageInput {
  const references = (run.input.reference_image_urls ?? []).filter(isHttp).slice(0, 10);
  return {
    url: image.url,
    ...(image.width && { width: image.width }),
    ...(image.height && { height: image.height }),
    ...(image.content_type &&
      CONTENT_TYPES.has(image.content_type) && {
        contentType: image.content_type as ShareImageInput["contentType"],
      }),
    // Cut to the share's bound rather than refused: the owner cannot shorten a past prompt.
    prompt: run.input.prompt.slice(0, SHARE_LIMITS.promptChars),
    parameters: shareParameters(run, image),
    seed: output.seed,
    model: `HiDream-O1 ${endpointOf(run).label}`,
    ...(references.length > 0 && { referenceUrls: references }),
  };
}

/** The selected images (keys `runId:index`, in gallery order) as a share's images, in order. */
export function shareImagesOf(runs: readonly ShareableRun[], keys: readonly string[]): SharePick {
  const byId = new Map(runs.map((run) => [run.id, run]));
  const pick: SharePick = { images: [], refs: [], inline: 0, over: 0, flagged: 0 };
  for (const key of keys) {
    const at = key.lastIndexOf(":");
    const run = byId.get(key.slice(0, at));
    const index = Number(key.slice(at + 1));
    const image = run?.output?.images[index];
    if (!run?.output || !image) continue;
    if (!isHttp(image.url) && !image.url.startsWith("/")) {
      pick.inline++;
      continue;
    }
    if (pick.images.length >= SHARE_LIMITS.imagesPerShare) {
      pick.over++;
      continue;
    }
    if (run.output.has_nsfw_concepts[index]) pick.flagged++;
    pick.refs.push({ key, imageId: String(pick.images.length) });
    pick.images.push(shareImage(run, run.output, image));
  }
  return pick;
}

/** A title to start from: the first image's prompt, cut to the limit at a word. */
export function suggestedTitle(prompt: string | undefined): string {
  const text = (prompt ?? "").replace(/\s+/g, " ").trim();
  if (text.length <= SHARE_LIMITS.titleChars) return text;
  const cut = text.slice(0, SHARE_LIMITS.titleChars - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 40 ? cut.lastIndexOf(" ") : cut.length)}…`;
}
