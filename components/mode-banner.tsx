import type { Mode } from "@/lib/server-env";

/** Says plainly whether runs go to fal (and cost money) or to the built-in demo backend. */
export function ModeBanner({ mode }: { mode: Mode }) {
  if (mode === "live") {
    return (
      <span className="inline-flex items-center gap-1.5 rounded-full bg-emerald-100 px-2.5 py-1 text-xs font-semibold text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
        <span aria-hidden className="size-1.5 rounded-full bg-emerald-500" />
        Live · runs are billed by fal
      </span>
    );
  }
  return (
    <div
      role="note"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-200"
    >
      <span className="rounded-full bg-amber-400 px-2 py-0.5 text-xs font-bold tracking-wide text-amber-950 uppercase">
        Demo mode
      </span>
      <span>
        Images come from the built-in fal-compatible backend, not HiDream. To go live, set{" "}
        <code className="rounded bg-amber-100 px-1 font-mono text-xs dark:bg-amber-900">
          FAL_KEY
        </code>{" "}
        on the server and restart.
      </span>
    </div>
  );
}
