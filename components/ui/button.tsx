import type { ButtonHTMLAttributes, MouseEvent } from "react";
import { cn } from "@/lib/cn";

// Classes of app/globals.css's components layer, so a caller's utilities override them.
const VARIANTS = {
  primary: "btn-primary",
  secondary: "btn-secondary",
  ghost: "btn-ghost",
} as const;

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof VARIANTS;
  /**
   * Working on its own action: looks disabled and ignores presses (a submit too), but keeps
   * focus. A focused button that turns `disabled` drops focus to the page, so Esc and Tab start
   * over from the top (a posted comment's viewer would no longer close with Esc).
   */
  busy?: boolean;
};

export function Button({ variant = "secondary", className, busy, onClick, ...props }: ButtonProps) {
  const ignore = (event: MouseEvent<HTMLButtonElement>) => event.preventDefault();
  return (
    <button
      type="button"
      className={cn("btn", VARIANTS[variant], className)}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={busy ? ignore : onClick}
      {...props}
    />
  );
}
