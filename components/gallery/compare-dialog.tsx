"use client";

import { useId, useState } from "react";
import type { ImageFile } from "@/lib/endpoint";
import { Modal } from "@/components/ui/modal";
import { Tabs } from "@/components/ui/tabs";
import { CompareSlider, SideBySide } from "./compare-views";

/**
 * A result against one of the run's references, as a before/after slider or side by side, in a
 * Modal (anchored near the top: switching views changes the height, and the title and tabs stay
 * where the pointer is).
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
  const [chosen, setChosen] = useState(0);
  const selectId = useId();
  const reference = references[chosen] ?? references[0] ?? "";
  const pair = {
    before: { src: reference, label: `Reference ${chosen + 1}` },
    after: { src: image.url, label: `Result ${number}` },
    size: image,
  };

  return (
    <Modal title={`Compare image ${number} (${modelLabel}) with a reference`} onClose={onClose}>
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
    </Modal>
  );
}
