import { shareImageResponse } from "@/lib/shares/image-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A shared image's k-th reference, as a thumbnail (only when the share shows references). */
export async function GET(
  request: Request,
  context: { params: Promise<{ id: string; image: string; k: string }> },
) {
  const { id, image, k } = await context.params;
  return shareImageResponse(request, { kind: "reference", id, image, k });
}
