import type { SetupCheck } from "@/lib/setup/setup-check";
import { cn } from "@/lib/cn";
import { EnvText } from "./env-text";
import { StatusIcon } from "./status-icon";

const FIX_BOX = {
  ok: {
    title: "Tip",
    box: "border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-300",
    code: "bg-zinc-200/70 dark:bg-zinc-800",
  },
  warn: {
    title: "How to fix",
    box: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-200",
    code: "bg-amber-100 dark:bg-amber-900",
  },
  error: {
    title: "How to fix",
    box: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-200",
    code: "bg-red-100 dark:bg-red-900",
  },
} as const;

const CODE = "rounded px-1 font-mono text-xs break-words";

/** One setup row: status, label, what is the case and, when there is one, what to set. */
export function CheckRow({ check }: { check: SetupCheck }) {
  const fix = FIX_BOX[check.status];
  return (
    <li className="flex gap-3 px-4 py-4 sm:px-5">
      <StatusIcon status={check.status} className="mt-0.5" />
      <div className="min-w-0 flex-1">
        <h2 className="text-sm font-semibold">{check.label}</h2>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
          <EnvText text={check.summary} codeClassName={cn(CODE, "bg-zinc-100 dark:bg-zinc-800")} />
        </p>
        {check.fix && (
          <div className={cn("mt-2 rounded-lg border px-3 py-2 text-sm", fix.box)}>
            <span className="font-semibold">{fix.title}: </span>
            <EnvText text={check.fix} codeClassName={cn(CODE, fix.code)} />
          </div>
        )}
      </div>
    </li>
  );
}
