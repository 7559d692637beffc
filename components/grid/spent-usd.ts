import { endpointOf } from "@/lib/endpoint";
import { costUsd } from "@/lib/endpoint/pricing";
import type { Run } from "@/lib/store/runs";

/** What a finished cell cost, from the sizes fal delivered. */
export function spentUsd(run: Run): number {
  const model = endpointOf(run).model;
  return (run.output?.images ?? []).reduce(
    (sum, image) =>
      sum +
      (image.width && image.height
        ? costUsd({ width: image.width, height: image.height }, 1, model)
        : 0),
    0,
  );
}
