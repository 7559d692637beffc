import { gateApiCall } from "@/lib/access/require-session";
import { readJson, shareErrorResponse } from "@/lib/shares/errors";
import { applyOwnerAction } from "@/lib/shares/owner";
import { serverEnv } from "@/lib/server-env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Lock, unlock, extend or revoke a share, with the owner's secret. */
export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const refusal = await gateApiCall(request, serverEnv());
  if (refusal) return refusal;
  try {
    const { id } = await context.params;
    const share = await applyOwnerAction(id, await readJson(request, 4 * 1024));
    return Response.json({ share }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return shareErrorResponse(error);
  }
}
