import { endpointOf } from "@/lib/endpoint";
import type { Run } from "@/lib/store/runs";

/** Which model made the run: Dev or Full, its endpoint on hover and for screen readers. */
export function ModelBadge({ run }: { run: Run }) {
  const spec = endpointOf(run);
  return (
    <span
      title={spec.id}
      aria-label={`Model: ${spec.label} (${spec.id})`}
      className={
        spec.model === "full"
          ? "rounded-full border border-violet-300 px-2 py-px text-xs font-medium text-violet-700 dark:border-violet-800 dark:text-violet-300"
          : "rounded-full border border-zinc-300 px-2 py-px text-xs font-medium text-zinc-600 dark:border-zinc-700 dark:text-zinc-300"
      }
    >
      {spec.label}
    </span>
  );
}
