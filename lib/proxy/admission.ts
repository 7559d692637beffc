/**
 * Admitting a call against the limits before it reaches fal: a submit reserves one run and its
 * most possible cost at its own endpoint's price, an upload counts against the client's uploads per minute. Status, result
 * and cancel calls are never limited: they follow runs already paid for.
 */
import type { ResolvedEditInput } from "@/lib/endpoint";
import { isCounterStoreUnavailable } from "@/lib/limits/counter-store";
import type { Limiter } from "@/lib/limits/limiter";
import { CHEAPEST_RUN_USD, maxRunCostUsd } from "@/lib/limits/run-cost";
import type { AllowedCall } from "./policy";
import { limitsUnavailable, proxyError } from "./refusal";

export type CallAdmission =
  { ok: true; release: () => Promise<void> } | { ok: false; response: Response };

const nothingToRelease = async () => {};

export async function admitCall(
  call: AllowedCall,
  input: ResolvedEditInput | undefined,
  client: string,
  limiter: Limiter,
): Promise<CallAdmission> {
  if (call.kind !== "submit" && call.kind !== "initiate") {
    return { ok: true, release: nothingToRelease };
  }
  try {
    const admission =
      call.kind === "submit"
        ? await limiter.admitRun(client, maxRunCostUsd(input!, call.endpoint!.model))
        : await limiter.admitUpload(client, CHEAPEST_RUN_USD);
    if (!admission.ok) {
      return {
        ok: false,
        response: proxyError(429, admission.detail, admission.errorType, admission.resetsAt),
      };
    }
    // Released at most once, and never with an error: a failed give-back errs on the strict side.
    let released = false;
    return {
      ok: true,
      release: async () => {
        if (released) return;
        released = true;
        await admission.release().catch(() => {});
      },
    };
  } catch (error) {
    if (!isCounterStoreUnavailable(error)) throw error;
    return { ok: false, response: limitsUnavailable(error) };
  }
}
