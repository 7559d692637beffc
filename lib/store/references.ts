/** The reference images slice: files the user added, their previews and their fal storage URLs. */
import type { StateCreator } from "zustand";
import { LIMITS } from "@/lib/endpoint";
import { uploadFile } from "@/lib/fal/client";
import { toUserFacingError } from "@/lib/fal/errors";
import type { PlaygroundState } from "./playground-store";

export type ReferenceStatus = "uploading" | "ready" | "failed";

export interface Reference {
  id: string;
  name: string;
  bytes: number;
  /** An object URL for the thumbnail: transient, never persisted. */
  previewUrl: string;
  status: ReferenceStatus;
  /** The fal storage URL once uploaded. */
  url?: string;
  error?: string;
}

export interface ReferencesSlice {
  references: Reference[];
  /** Adds image files up to the limit and starts uploading each at once; returns a notice if some were refused. */
  addReferenceFiles(files: File[]): string | undefined;
  removeReference(id: string): void;
  retryReference(id: string): void;
}

// Files stay in memory (not in the store) so a failed upload can be retried.
const files = new Map<string, File>();

export const createReferencesSlice: StateCreator<PlaygroundState, [], [], ReferencesSlice> = (
  set,
  get,
) => {
  const patch = (id: string, change: Partial<Reference>) =>
    set((state) => ({
      references: state.references.map((r) => (r.id === id ? { ...r, ...change } : r)),
    }));

  async function upload(id: string) {
    const file = files.get(id);
    if (!file) return;
    patch(id, { status: "uploading", error: undefined });
    try {
      patch(id, { status: "ready", url: await uploadFile(file) });
    } catch (error) {
      patch(id, { status: "failed", error: toUserFacingError(error).message });
    }
  }

  return {
    references: [],
    addReferenceFiles(incoming) {
      const room = LIMITS.referenceImages.max - get().references.length;
      const accepted = incoming.slice(0, Math.max(0, room));
      const added: Reference[] = accepted.map((file) => {
        const id = crypto.randomUUID();
        files.set(id, file);
        return {
          id,
          name: file.name,
          bytes: file.size,
          previewUrl: URL.createObjectURL(file),
          status: "uploading",
        };
      });
      set((state) => ({ references: [...state.references, ...added] }));
      for (const reference of added) void upload(reference.id);
      const refused = incoming.length - accepted.length;
      return refused > 0
        ? `At most ${LIMITS.referenceImages.max} reference images: ${refused} file${refused > 1 ? "s were" : " was"} not added.`
        : undefined;
    },
    removeReference(id) {
      const reference = get().references.find((r) => r.id === id);
      if (reference) URL.revokeObjectURL(reference.previewUrl);
      files.delete(id);
      set((state) => ({ references: state.references.filter((r) => r.id !== id) }));
    },
    retryReference(id) {
      void upload(id);
    },
  };
};
