"use client";

import { CompareSlider, SideBySide } from "@/components/gallery/compare-views";
import { Modal } from "@/components/ui/modal";
import { Tabs } from "@/components/ui/tabs";
import type { Run } from "@/lib/store/runs";

/** Two grid cells side by side, or under one slider: the first picked on the left. */
export function GridCompare({
  before,
  after,
  labels,
  onClose,
}: {
  before: Run;
  after: Run;
  labels: [string, string] | string[];
  onClose(): void;
}) {
  const left = before.output!.images[0]!;
  const right = after.output!.images[0]!;
  const pair = {
    before: { src: left.url, label: labels[0] ?? "First" },
    after: { src: right.url, label: labels[1] ?? "Second" },
    size: right,
  };
  return (
    <Modal title="Compare two cells" onClose={onClose}>
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
