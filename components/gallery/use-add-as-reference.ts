"use client";

import { useCallback } from "react";
import { usePlayground } from "@/lib/store/playground-store";
import { isInline } from "./image-facts";

/**
 * Puts a result among the composer's references; resolves to whether it was added (when not,
 * the references slice has already told the user why, in the composer).
 */
export function useAddAsReference(): (url: string, fileName: string) => Promise<boolean> {
  const addReferenceUrl = usePlayground((s) => s.addReferenceUrl);
  const addReferenceFiles = usePlayground((s) => s.addReferenceFiles);
  return useCallback(
    async (url, fileName) => {
      if (!isInline(url)) return addReferenceUrl(url);
      // A sync-mode result has no address fal could fetch, and a data: URL in the next request
      // would bloat it; as a file it is prepared and uploaded like any dropped image.
      const blob = await (await fetch(url)).blob();
      await addReferenceFiles([new File([blob], fileName, { type: blob.type })]);
      return usePlayground.getState().notices.length === 0;
    },
    [addReferenceUrl, addReferenceFiles],
  );
}
