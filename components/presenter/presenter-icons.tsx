import type { SVGProps } from "react";
import { StrokeIcon } from "@/components/ui/stroke-icon";

// The presenter's own few stroke icons, a size larger than the gallery's
// (components/ui/stroke-icon.tsx draws them).
const PATHS = {
  previous: "M15 5l-7 7 7 7",
  next: "M9 5l7 7-7 7",
  wipe: "M12 3v18M4 6h5v12H4zM15 6h5v12h-5",
  sweep: "M8 5v14l11-7z",
  caption: "M3 6h18v12H3zM7 14h4m2 0h4M7 10h10",
  audience: "M3 5h18v11H3zM8 20h8M12 16v4",
  change: "M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4",
  fullscreen: "M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5",
  exit: "M6 6l12 12M18 6 6 18",
  grip: "M9 8l-4 4 4 4M15 8l4 4-4 4",
} as const;

export type PresenterIconName = keyof typeof PATHS;

export function PresenterIcon({
  name,
  ...props
}: { name: PresenterIconName } & SVGProps<SVGSVGElement>) {
  return <StrokeIcon d={PATHS[name]} className="size-5 shrink-0" {...props} />;
}
