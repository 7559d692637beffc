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
import type { Reference } from "@/lib/store/references";
import { usePlayground } from "@/lib/store/playground-store";
import { ReferenceThumb } from "./reference-thumb";
import { REFERENCE_LIST_CLASS } from "./reference-tray";

/**
 * The references as a sortable list: drag, or pick up with space and move with the arrow keys.
 * Loaded with the first reference (reference-tray.tsx): dnd-kit is a tenth of the page's own
 * script, and an empty tray has nothing to sort (npm run bench, first-load).
 */
export function SortableReferences({ references }: { references: Reference[] }) {
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
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements }}
    >
      <SortableContext items={references.map((r) => r.id)} strategy={rectSortingStrategy}>
        <ol
          aria-label="Reference images, in the order the model receives them"
          className={REFERENCE_LIST_CLASS}
        >
          {references.map((reference, index) => (
            <ReferenceThumb key={reference.id} reference={reference} position={index + 1} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
