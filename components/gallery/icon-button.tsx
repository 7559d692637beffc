import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { Icon, type IconName } from "./icons";

/** A square ghost button whose name is `label`; the tooltip shows the same words to sighted users. */
export function IconButton({
  icon,
  label,
  className,
  ...props
}: { icon: IconName; label: string } & ComponentProps<"button">) {
  return (
    <Button
      variant="ghost"
      aria-label={label}
      title={label}
      className={cn("btn-icon", className)}
      {...props}
    >
      <Icon name={icon} />
    </Button>
  );
}
