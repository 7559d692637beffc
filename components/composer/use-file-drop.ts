"use client";

import { useEffect, useRef, useState, type ChangeEvent, type DragEvent } from "react";

const carriesFiles = (event: { dataTransfer: DataTransfer | null }) =>
  [...(event.dataTransfer?.types ?? [])].includes("Files");

/**
 * Files dropped on an element, or picked with a hidden file input (`open`). In place of
 * react-dropzone, whose file-selector brought 19 KB (gzip) to the first load for what the
 * playground uses of it (no `accept`, no click or keyboard opening: every file is judged by its
 * bytes later): drag state, the drop's files, and no navigation to a file dropped beside the zone.
 */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [isDragActive, setDragActive] = useState(false);
  // dragenter and dragleave fire for every child crossed: active while any is entered.
  const depth = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // A file dropped just beside the zone would otherwise replace the page with the file.
    const keepPage = (event: globalThis.DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    document.addEventListener("dragover", keepPage);
    document.addEventListener("drop", keepPage);
    return () => {
      document.removeEventListener("dragover", keepPage);
      document.removeEventListener("drop", keepPage);
    };
  }, []);

  const rootProps = {
    // As react-dropzone did: the zone is a plain container for assistive technology.
    role: "presentation",
    onDragEnter(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current++;
      setDragActive(true);
    },
    onDragOver(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
    },
    onDragLeave(event: DragEvent) {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragActive(false);
    },
    onDrop(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setDragActive(false);
      const files = [...event.dataTransfer.files];
      if (files.length) onFiles(files);
    },
  };

  const inputProps = {
    ref: input,
    type: "file",
    multiple: true,
    tabIndex: -1,
    autoComplete: "off",
    style: { display: "none" },
    onChange(event: ChangeEvent<HTMLInputElement>) {
      const files = [...(event.target.files ?? [])];
      // Cleared, so picking the same file again is a change too.
      event.target.value = "";
      if (files.length) onFiles(files);
    },
  };

  return { rootProps, inputProps, isDragActive, open: () => input.current?.click() };
}
