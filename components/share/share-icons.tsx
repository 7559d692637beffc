import type { SVGProps } from "react";
import { StrokeIcon } from "@/components/ui/stroke-icon";

// The share page's few icons, kept apart from the gallery's so the client page's bundle holds
// only these (components/ui/stroke-icon.tsx draws them).
const PATHS = {
  approve: "m5 12.5 4.5 4.5L19 7.5",
  changes: "M4 20h4L19 9a2.83 2.83 0 0 0-4-4L4 16v4Zm9.5-13.5 4 4",
  comment: "M21 12a8 8 0 0 1-11.7 7.1L4 20l1-4.4A8 8 0 1 1 21 12Z",
  download: "M12 3v12m0 0-4.5-4.5M12 15l4.5-4.5M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2",
  compare:
    "M12 3v18M5 5h4v14H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm10 0h4a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1h-4",
  clock: "M12 7v5l3 2m6-2a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z",
  lock: "M6 11h12v9H6zm2.5 0V8a3.5 3.5 0 0 1 7 0v3",
  chevron: "m9 6 6 6-6 6",
  link: "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1",
  retry: "M4 4v5h5m11 11v-5h-5M5.5 15A7 7 0 0 0 18 17.5M18.5 9A7 7 0 0 0 6 6.5",
  expand: "m6 15 6-6 6 6",
  collapse: "m6 9 6 6 6-6",
} as const;

export type ShareIconName = keyof typeof PATHS;

export function ShareIcon({ name, ...props }: { name: ShareIconName } & SVGProps<SVGSVGElement>) {
  return <StrokeIcon d={PATHS[name]} {...props} />;
}
