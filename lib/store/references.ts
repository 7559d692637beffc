/**
 * The reference images slice: what the user added, in the order the model receives them. Each
 * file is prepared (oriented, scaled to the model's useful size, re-encoded; off the main thread,
 * a few at a time) and uploaded to fal storage at once, so Run never waits for uploads; identical
 * bytes are uploaded only once.
 */
import type { StateCreator } from "zustand";
import { INPUT_RANGES } from "@/lib/endpoint";
import { uploadFile } from "@/lib/fal/page-calls";
import { toRunError } from "@/lib/fal/errors";
import { describeError } from "@/lib/runs/run-error";
import type { PreparedReference } from "@/lib/images/prepare";
import { loadImageUrl } from "@/lib/images/check-url";
import { onDemand } from "@/lib/on-demand";
import type { PlaygroundState } from "./playground-store";

// The preparer (its queue and the main-thread fallback's decoders) is not in the first load: it
// loads with the first file, or on a sign that one is coming (preloadPreparer).
const preparer = onDemand(() => import("@/lib/images/prepare-pool"));
/** Loads the reference preparer ahead of the first file (a drag over the page, Browse). */
export const preloadPreparer = () => void preparer.preload().catch(() => {});

export type ReferenceStatus = "preparing" | "uploading" | "ready" | "failed";

export interface PixelSize {
  width: number;
  height: number;
  bytes?: number;
}

export interface Reference {
  id: string;
  name: string;
  source: "file" | "url";
  /**
   * What the thumbnail shows: for a local file, an object URL of the prepared image's small
   * preview once there is one (transient; never the original or the 4-MP upload, which would be
   * decoded again just for a tile), else the URL itself.
   */
  previewUrl?: string;
  status: ReferenceStatus;
  /** The URL the model receives: fal storage for files, the address itself for URLs. */
  url?: string;
  error?: string;
  original?: PixelSize;
  prepared?: PixelSize;
}

export interface ReferencesSlice {
  references: Reference[];
  /** Why files or URLs from the latest attempt were not added, one message each, as they are known. */
  notices: string[];
  /** Adds files up to the limit; each refused file gets a notice as soon as its problem is known. */
  addReferenceFiles(files: File[]): Promise<void>;
  /** Adds an image by URL once it loads as an image; returns whether it was added. */
  addReferenceUrl(url: string): Promise<boolean>;
  replaceReference(id: string, file: File): Promise<void>;
  /** Replaces every reference with these URLs, as a past run sent them (reuse all parameters). */
  setReferenceUrls(urls: readonly string[]): void;
  moveReference(id: string, toIndex: number): void;
  removeReference(id: string): void;
  retryReference(id: string): void;
}

// Kept out of the store: File objects and prepared blobs are transient (for retry), and the
// hash → URL map is what makes a second drop of the same bytes free.
const prepared = new Map<string, PreparedReference>();
const uploadedByHash = new Map<string, string>();

const tooMany = (refused: number) =>
  `At most ${INPUT_RANGES.referenceImages.max} reference images: ${refused} not added.`;

export const createReferencesSlice: StateCreator<PlaygroundState, [], [], ReferencesSlice> = (
  set,
  get,
) => {
  const patch = (id: string, change: Partial<Reference>) =>
    set((state) => ({
      references: state.references.map((r) => (r.id === id ? { ...r, ...change } : r)),
    }));
  const exists = (id: string) => get().references.some((r) => r.id === id);
  const notify = (message: string) => set((state) => ({ notices: [...state.notices, message] }));

  async function upload(id: string, blob: Blob, hash: string) {
    const known = uploadedByHash.get(hash);
    if (known) return patch(id, { status: "ready", url: known });
    patch(id, { status: "uploading", error: undefined });
    try {
      const url = await uploadFile(blob);
      uploadedByHash.set(hash, url);
      if (exists(id)) patch(id, { status: "ready", url });
    } catch (error) {
      if (exists(id))
        patch(id, { status: "failed", error: describeError(toRunError(error)).message });
    }
  }

  /** Prepares a file, or says in words why it cannot be used. */
  async function prepare(file: File): Promise<PreparedReference | string> {
    let pool;
    try {
      pool = await preparer.preload();
    } catch {
      return `${file.name || "The file"} could not be added: this page could not load its code. Check the connection and add it again.`;
    }
    try {
      return await pool.prepareReferenceInBackground(file);
    } catch (error) {
      // By name, not instanceof: the error may come from another bundle's copy of the class.
      return error instanceof Error && error.name === "ReferenceFileError"
        ? error.message
        : `${file.name || "The file"} could not be read.`;
    }
  }

  async function fill(id: string, result: PreparedReference, name: string) {
    // Named after the user's file (with the prepared type's extension), so fal storage keeps it.
    const base = name.replace(/\.[^.]*$/, "") || "reference";
    const extension = result.blob.type.split("/")[1]?.replace("jpeg", "jpg") ?? "bin";
    result = {
      ...result,
      blob: new File([result.blob], `${base}.${extension}`, { type: result.blob.type }),
    };
    prepared.set(id, result);
    patch(id, {
      original: result.original,
      prepared: result.prepared,
      previewUrl: URL.createObjectURL(result.preview),
    });
    await upload(id, result.blob, result.hash);
  }

  function slotFor(file: File): Reference {
    return {
      id: crypto.randomUUID(),
      name: file.name || "pasted image",
      source: "file",
      status: "preparing",
    };
  }

  function revokePreview(reference: Reference | undefined) {
    if (reference?.source === "file" && reference.previewUrl)
      URL.revokeObjectURL(reference.previewUrl);
  }

  function dropSlot(id: string) {
    const reference = get().references.find((r) => r.id === id);
    revokePreview(reference);
    prepared.delete(id);
    set((state) => ({ references: state.references.filter((r) => r.id !== id) }));
  }

  return {
    references: [],
    notices: [],

    async addReferenceFiles(files) {
      const room = Math.max(0, INPUT_RANGES.referenceImages.max - get().references.length);
      const accepted = files.slice(0, room);
      const slots = accepted.map(slotFor);
      set((state) => ({
        references: [...state.references, ...slots],
        notices: files.length > accepted.length ? [tooMany(files.length - accepted.length)] : [],
      }));
      await Promise.all(
        slots.map(async (slot, i) => {
          const result = await prepare(accepted[i]!);
          if (typeof result === "string") {
            dropSlot(slot.id);
            notify(result);
          } else if (exists(slot.id)) await fill(slot.id, result, slot.name);
        }),
      );
    },

    async addReferenceUrl(raw) {
      const url = raw.trim();
      const refuse = (message: string) => {
        set({ notices: [message] });
        return false;
      };
      if (get().references.length >= INPUT_RANGES.referenceImages.max) return refuse(tooMany(1));
      const size = await loadImageUrl(url);
      if (typeof size === "string") return refuse(size);
      if (get().references.length >= INPUT_RANGES.referenceImages.max) return refuse(tooMany(1));
      const name = decodeURIComponent(new URL(url).pathname.split("/").pop() || url);
      const reference: Reference = {
        id: crypto.randomUUID(),
        name,
        source: "url",
        previewUrl: url,
        status: "ready",
        url,
        original: size,
      };
      set((state) => ({ references: [...state.references, reference], notices: [] }));
      return true;
    },

    async replaceReference(id, file) {
      // The old image stays until the new one is known to be usable.
      const result = await prepare(file);
      if (typeof result === "string") return set({ notices: [result] });
      const old = get().references.find((r) => r.id === id);
      if (!old) return;
      const slot = slotFor(file);
      set((state) => ({ references: state.references.map((r) => (r.id === id ? slot : r)) }));
      revokePreview(old);
      prepared.delete(id);
      set({ notices: [] });
      await fill(slot.id, result, slot.name);
    },

    setReferenceUrls(urls) {
      for (const reference of get().references) dropSlot(reference.id);
      const name = (url: string) => {
        try {
          return decodeURIComponent(new URL(url).pathname.split("/").pop() || url);
        } catch {
          return url.slice(0, 40);
        }
      };
      set({
        notices: [],
        references: urls.map((url) => ({
          id: crypto.randomUUID(),
          name: name(url),
          source: "url",
          previewUrl: url,
          status: "ready",
          url,
        })),
      });
    },

    moveReference(id, toIndex) {
      set((state) => {
        const from = state.references.findIndex((r) => r.id === id);
        if (from < 0 || toIndex < 0 || toIndex >= state.references.length) return state;
        // By hand, not dnd-kit's arrayMove: the store loads with the page, dnd-kit with the list.
        const references = [...state.references];
        references.splice(toIndex, 0, ...references.splice(from, 1));
        return { references };
      });
    },

    removeReference: dropSlot,

    retryReference(id) {
      const result = prepared.get(id);
      if (result) void upload(id, result.blob, result.hash);
    },
  };
};
