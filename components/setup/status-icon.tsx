import type { CheckStatus } from "@/lib/setup/setup-check";
import { cn } from "@/lib/cn";

const ICONS: Record<CheckStatus, { symbol: string; label: string; className: string }> = {
  ok: {
    symbol: "✓",
    label: "OK",
    className: "bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  },
  warn: {
    symbol: "!",
    label: "Warning",
    className: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  },
  error: {
    symbol: "✕",
    label: "Needs fixing",
    className: "bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300",
  },
};

/** A coloured round badge; the symbol differs per status and screen readers get a word. */
export function StatusIcon({ status, className }: { status: CheckStatus; className?: string }) {
  const icon = ICONS[status];
  return (
    <span
      className={cn(
        "inline-flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-bold",
        icon.className,
        className,
      )}
    >
      <span aria-hidden>{icon.symbol}</span>
      <span className="sr-only">{icon.label}:</span>
    </span>
  );
}
