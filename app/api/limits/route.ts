import { gateApiCall } from "@/lib/access/require-session";
import { appLimiter } from "@/lib/limits/app-limiter";
import { clientKey } from "@/lib/limits/client-identity";
import { isCounterStoreUnavailable } from "@/lib/limits/counter-store";
import { limitsUnavailable } from "@/lib/proxy/refusal";
import { serverEnv } from "@/lib/server-env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The caller's runs this minute and the deployment's spend today, for the composer. */
export async function GET(request: Request): Promise<Response> {
  const env = serverEnv();
  const refusal = await gateApiCall(request, env);
  if (refusal) return refusal;
  try {
    const usage = await appLimiter().usage(clientKey(request.headers, env));
    return Response.json(usage, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (!isCounterStoreUnavailable(error)) throw error;
    return limitsUnavailable(error);
  }
}
