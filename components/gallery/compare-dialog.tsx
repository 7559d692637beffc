"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { ImageFile } from "@/lib/endpoint";
import { Tabs } from "@/components/ui/tabs";
import { CompareSlider, SideBySide } from "./compare-views";
import { IconButton } from "./icon-button";

/**
 * A result against one of the run's references, as a before/after slider or side by side. A
 * native modal <dialog>: the browser traps focus, makes the page inert and closes on Esc; the
 * opener gets focus back explicitly, since this component unmounts as soon as it closes.
 */
export function CompareDialog({
  image,
  number,
  modelLabel,
  references,
  onClose,
}: {
  image: ImageFile;
  /** 1-based number of the result. */
  number: number;
  /** The model that made it (Dev or Full). */
  modelLabel: string;
  references: readonly string[];
  onClose(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [chosen, setChosen] = useState(0);
  const titleId = useId();
  const selectId = useId();
  const reference = references[chosen] ?? references[0] ?? "";
  const pair = {
    before: { src: reference, label: `Reference ${chosen + 1}` },
    after: { src: image.url, label: `Result ${number}` },
    size: image,
  };

  // Runs once per opening (the dialog exists only while open), not on every render. Guarded,
  // because Strict Mode runs it twice and by then focus is already inside the dialog.
  useEffect(() => {
    if (opener.current === null && document.activeElement instanceof HTMLElement)
      opener.current = document.activeElement;
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      // Anchored near the top, not centred: switching views changes the height, and the title
      // and tabs should stay where the pointer is.
      onClose={() => {
        opener.current?.focus();
        onClose();
      }}
      className="mx-auto mt-[5dvh] max-h-[90dvh] w-[min(64rem,calc(100vw-2rem))] overflow-auto rounded-2xl border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-zinc-950/70 sm:p-5 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="mb-3 flex items-start justify-between gap-3">
        <h2 id={titleId} className="text-base font-semibold">
          Compare image {number} ({modelLabel}) with a reference
        </h2>
        <IconButton icon="close" label="Close" onClick={() => dialog.current?.close()} />
      </div>
      <div className="mb-3 flex items-center gap-2 text-sm">
        <label htmlFor={selectId} className="text-zinc-600 dark:text-zinc-400">
          Reference
        </label>
        <select
          id={selectId}
          value={chosen}
          onChange={(event) => setChosen(Number(event.target.value))}
          disabled={references.length < 2}
          className="rounded-lg border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        >
          {references.map((url, i) => (
            <option key={`${i}-${url}`} value={i}>
              Reference {i + 1}
            </option>
          ))}
        </select>
      </div>
      <Tabs
        label="Comparison view"
        items={[
          { id: "slider", label: "Slider", panel: <CompareSlider {...pair} /> },
          { id: "side", label: "Side by side", panel: <SideBySide {...pair} /> },
        ]}
      />
    </dialog>
  );
}
