"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { useLightboxState } from "yet-another-react-lightbox";
import { isStarred } from "@/lib/history/stars";
import { usePlayground } from "@/lib/store/playground-store";
import { Icon } from "./icons";

/** Keys typed into a field are the field's, not shortcuts. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * The lightbox toolbar's star for the image on show; S toggles it too. Each change is said in a
 * status region inside the lightbox: the library makes the rest of the page inert, where a live
 * region would go unheard.
 */
export function LightboxStar({
  runId,
  imageIndexes,
}: {
  runId: string;
  /** The run's image index of each slide, in slide order. */
  imageIndexes: readonly number[];
}) {
  const { currentIndex } = useLightboxState();
  const index = imageIndexes[currentIndex];
  const starred = usePlayground((s) => {
    const run = s.runs.find((r) => r.id === runId);
    return run !== undefined && index !== undefined && isStarred(run, index);
  });
  const toggleStar = usePlayground((s) => s.toggleStar);
  const [said, setSaid] = useState("");

  const toggle = () => {
    if (index === undefined) return;
    toggleStar(runId, index);
    setSaid(`Image ${index + 1} ${starred ? "unstarred" : "starred"}`);
  };
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key !== "s" && event.key !== "S") return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    if (isTyping(event.target)) return;
    event.preventDefault();
    toggle();
  });
  useEffect(() => {
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  if (index === undefined) return null;
  const label = `${starred ? "Unstar" : "Star"} image ${index + 1}`;
  return (
    <>
      {/* The library's own button and icon classes, so it sits with Zoom and Close. */}
      <button
        type="button"
        aria-label={label}
        aria-pressed={starred}
        title={`${label} (S)`}
        className="yarl__button"
        // Inline: the library's unlayered button colour outranks a Tailwind utility.
        style={starred ? { color: "var(--color-amber-400, #fbbf24)" } : undefined}
        onClick={toggle}
      >
        <Icon name="star" fill={starred ? "currentColor" : "none"} className="yarl__icon" />
      </button>
      <span role="status" className="sr-only">
        {said}
      </span>
    </>
  );
}
