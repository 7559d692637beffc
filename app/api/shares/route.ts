import { gateApiCall } from "@/lib/access/require-session";
import { clientKey } from "@/lib/limits/client-identity";
import { browserOrigin } from "@/lib/proxy/upstream";
import { shareAvailability } from "@/lib/shares/availability";
import { readJson, SHARE_ERROR_TYPES, ShareError, shareErrorResponse } from "@/lib/shares/errors";
import { createShare } from "@/lib/shares/owner";
import { SHARE_LIMITS } from "@/lib/shares/share";
import { accessPolicy, modeOf, serverEnv } from "@/lib/server-env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Makes a share from the owner's selection; answers the link and the owner's secret, once. */
export async function POST(request: Request): Promise<Response> {
  const env = serverEnv();
  const refusal = await gateApiCall(request, env);
  if (refusal) return refusal;
  try {
    if (accessPolicy(env) === "closed") {
      throw new ShareError(
        503,
        SHARE_ERROR_TYPES.disabled,
        "This deployment is not set up for use yet: set ACCESS_PASSWORD (or ALLOW_PUBLIC_ACCESS=true).",
      );
    }
    const availability = shareAvailability(env);
    if (!availability.enabled) {
      throw new ShareError(503, SHARE_ERROR_TYPES.disabled, availability.reason);
    }
    const origin = browserOrigin(request);
    const body = await readJson(request, SHARE_LIMITS.recordBytes * 2);
    const created = await createShare(body, {
      client: clientKey(request.headers, env),
      rules: { origin, demo: modeOf(env) === "demo", upstreamUrl: env.upstreamUrl },
    });
    return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return shareErrorResponse(error);
  }
}
