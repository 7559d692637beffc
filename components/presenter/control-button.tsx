import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { PresenterIcon, type PresenterIconName } from "./presenter-icons";

/** One of the presenter's controls: an icon named by `label` (also its tooltip). */
export function ControlButton({
  icon,
  label,
  className,
  ...props
}: { icon: PresenterIconName; label: string } & ComponentProps<"button">) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      className={cn(
        "grid size-10 place-items-center rounded-lg text-zinc-200 transition-colors hover:bg-white/10 hover:text-white disabled:cursor-not-allowed disabled:opacity-35 disabled:hover:bg-transparent aria-pressed:bg-white/15 aria-pressed:text-white",
        className,
      )}
      {...props}
    >
      <PresenterIcon name={icon} />
    </button>
  );
}
