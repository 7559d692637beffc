import { gateApiCall } from "@/lib/access/require-session";
import { readJson, shareErrorResponse } from "@/lib/shares/errors";
import { shareSummaries } from "@/lib/shares/owner";
import { serverEnv } from "@/lib/server-env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** How the owner's shares are doing: state, views and feedback (the owner's tab polls it). */
export async function POST(request: Request): Promise<Response> {
  const refusal = await gateApiCall(request, serverEnv());
  if (refusal) return refusal;
  try {
    const shares = await shareSummaries(await readJson(request, 64 * 1024));
    return Response.json({ shares }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return shareErrorResponse(error);
  }
}
