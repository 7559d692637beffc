import type { SVGProps } from "react";

/**
 * One 24-px stroke icon drawn inline from its path: the repo has no icon library, and its few
 * icons do not justify one. Each area keeps its own paths (components/gallery/icons.tsx, the share
 * page's, the presenter's), so a page's bundle holds only the icons it draws. Always decorative:
 * the control around it carries the accessible name.
 */
export function StrokeIcon({ d, ...props }: { d: string } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className="size-4 shrink-0"
      {...props}
    >
      <path d={d} />
    </svg>
  );
}
