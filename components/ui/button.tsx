import type { ButtonHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

// Classes of app/globals.css's components layer, so a caller's utilities override them.
const VARIANTS = {
  primary: "btn-primary",
  secondary: "btn-secondary",
  ghost: "btn-ghost",
} as const;

export function Button({
  variant = "secondary",
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return <button type="button" className={cn("btn", VARIANTS[variant], className)} {...props} />;
}
