"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import {
  rectSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
} from "@dnd-kit/sortable";
import { INPUT_RANGES } from "@/lib/endpoint";
import { usePlayground } from "@/lib/store/playground-store";
import { ReferenceAdder } from "./reference-adder";
import { ReferenceMeter } from "./reference-meter";
import { ReferenceThumb } from "./reference-thumb";

/** The references in the order the model receives them; drag or use the keyboard to reorder. */
export function ReferenceTray({ onBrowse }: { onBrowse: () => void }) {
  const notices = usePlayground((s) => s.notices);
  const references = usePlayground((s) => s.references);
  const moveReference = usePlayground((s) => s.moveReference);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const position = (id: UniqueIdentifier) => references.findIndex((r) => r.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up reference ${position(active.id)}. Arrow keys move it, space drops it, escape cancels.`,
    onDragOver: ({ active, over }) =>
      over ? `Reference ${position(active.id)} is over position ${position(over.id)}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `Reference ${position(active.id)} dropped at position ${position(over.id)}.`
        : undefined,
    onDragCancel: ({ active }) => `Moving reference ${position(active.id)} was cancelled.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    moveReference(
      String(active.id),
      references.findIndex((r) => r.id === over.id),
    );
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between">
        <h2 className="text-sm font-semibold">Reference images</h2>
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          {references.length}/{INPUT_RANGES.referenceImages.max}
        </span>
      </div>
      <ReferenceMeter />
      {references.length > 0 && (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements }}
        >
          <SortableContext items={references.map((r) => r.id)} strategy={rectSortingStrategy}>
            <ol
              aria-label="Reference images, in the order the model receives them"
              className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-3"
            >
              {references.map((reference, index) => (
                <ReferenceThumb key={reference.id} reference={reference} position={index + 1} />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      <ReferenceAdder
        onBrowse={onBrowse}
        full={references.length >= INPUT_RANGES.referenceImages.max}
      />
      {notices.length > 0 && (
        <ul
          role="alert"
          aria-label="Files not added"
          className="flex flex-col gap-1 rounded-lg border border-red-200 bg-red-50 p-2.5 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300"
        >
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
