"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { usePlayground } from "@/lib/store/playground-store";
import { inputClass } from "./field";

/** The ways in besides dropping: browse for files, or type an image URL. */
export function ReferenceAdder({ onBrowse, full }: { onBrowse: () => void; full: boolean }) {
  const addReferenceUrl = usePlayground((s) => s.addReferenceUrl);
  const [url, setUrl] = useState("");
  const [checking, setChecking] = useState(false);
  const id = useId();

  const add = async () => {
    if (!url.trim()) return;
    setChecking(true);
    const added = await addReferenceUrl(url);
    setChecking(false);
    if (added) setUrl("");
  };

  return (
    <div className="flex flex-col gap-2 rounded-xl border-2 border-dashed border-zinc-300 p-3 dark:border-zinc-700">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Button variant="secondary" onClick={onBrowse} disabled={full}>
          Browse images…
        </Button>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          or drop or paste them anywhere here · up to 50 MB each
        </p>
      </div>
      <form
        noValidate
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label htmlFor={id} className="sr-only">
          Image URL
        </label>
        <input
          id={id}
          type="url"
          inputMode="url"
          placeholder="https://… image URL"
          value={url}
          disabled={full}
          onChange={(e) => setUrl(e.target.value)}
          className={`${inputClass} min-w-0 flex-1`}
        />
        <Button type="submit" disabled={full || checking || !url.trim()}>
          {checking ? "Checking…" : "Add URL"}
        </Button>
      </form>
    </div>
  );
}
