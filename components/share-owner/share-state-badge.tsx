import { cn } from "@/lib/cn";
import type { OwnedShareState } from "@/lib/shares/owned-share";

const STATES: Record<OwnedShareState, { label: string; hint: string; tone: string }> = {
  open: {
    label: "Open",
    hint: "The client can see it and leave feedback.",
    tone: "border-emerald-300 text-emerald-800 dark:border-emerald-800 dark:text-emerald-300",
  },
  locked: {
    label: "Locked",
    hint: "The client can still see it; feedback is closed.",
    tone: "border-amber-300 text-amber-800 dark:border-amber-800 dark:text-amber-300",
  },
  expired: {
    label: "Expired",
    hint: "The link no longer shows the images; Extend opens it again.",
    tone: "border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400",
  },
  revoked: {
    label: "Revoked",
    hint: "The link is gone for good, with its feedback.",
    tone: "border-red-300 text-red-700 dark:border-red-900 dark:text-red-400",
  },
  missing: {
    label: "Missing",
    hint: "The server does not know this share: forgotten long after it ended, or kept by another deployment.",
    tone: "border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400",
  },
};

/** A share's state in a word, with what it means on hover. */
export function ShareStateBadge({ state }: { state: OwnedShareState }) {
  const { label, hint, tone } = STATES[state];
  return (
    <span title={hint} className={cn("rounded-full border px-2 py-px text-xs font-medium", tone)}>
      {label}
      <span className="sr-only">: {hint}</span>
    </span>
  );
}
