"use client";

import { useState } from "react";
import { useDropzone, type FileRejection } from "react-dropzone";
import { LIMITS } from "@/lib/endpoint";
import { cn } from "@/lib/cn";
import { usePlayground } from "@/lib/store/playground-store";
import { ReferenceThumb } from "./reference-thumb";

const MAX_FILE_BYTES = 50 * 1024 * 1024;

function rejectionText(rejections: FileRejection[]): string {
  return rejections
    .map(({ file, errors }) => {
      const code = errors[0]?.code;
      const why =
        code === "file-too-large"
          ? "is over 50 MB"
          : code === "file-invalid-type"
            ? "is not an image"
            : (errors[0]?.message ?? "was refused");
      return `${file.name} ${why}.`;
    })
    .join(" ");
}

/** Where reference images are added (drop or browse), shown in the order the model gets them. */
export function ReferenceTray() {
  const references = usePlayground((s) => s.references);
  const addReferenceFiles = usePlayground((s) => s.addReferenceFiles);
  const [notice, setNotice] = useState<string>();
  const full = references.length >= LIMITS.referenceImages.max;

  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    accept: { "image/*": [] },
    maxSize: MAX_FILE_BYTES,
    multiple: true,
    onDrop(accepted, rejected) {
      const messages = [
        addReferenceFiles(accepted),
        rejected.length ? rejectionText(rejected) : undefined,
      ].filter(Boolean);
      setNotice(messages.length ? messages.join(" ") : undefined);
    },
  });

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between">
        <h2 className="text-sm font-medium">Reference images</h2>
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          {references.length}/{LIMITS.referenceImages.max}
        </span>
      </div>
      {references.length > 0 && (
        <ol
          className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-3"
          aria-label="Reference images, in the order the model receives them"
        >
          {references.map((reference, index) => (
            <ReferenceThumb key={reference.id} reference={reference} position={index + 1} />
          ))}
        </ol>
      )}
      <div
        {...getRootProps({
          className: cn(
            "flex cursor-pointer flex-col items-center justify-center gap-1 rounded-xl border-2 border-dashed px-4 py-6 text-center text-sm transition-colors",
            isDragActive
              ? "border-accent-500 bg-accent-50 dark:bg-accent-700/10"
              : "border-zinc-300 hover:border-accent-400 dark:border-zinc-700",
            full && "pointer-events-none opacity-50",
          ),
          "aria-label": "Add reference images: drop files here or press Enter to browse",
        })}
      >
        <input {...getInputProps({ "aria-label": "Reference image files" })} disabled={full} />
        <span className="font-medium">
          {isDragActive ? "Drop to add" : "Drop images or click to browse"}
        </span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          PNG, JPEG, WebP… up to 50 MB each, {LIMITS.referenceImages.max} at most
        </span>
      </div>
      {notice && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {notice}
        </p>
      )}
    </div>
  );
}
