import { shareImageResponse } from "@/lib/shares/image-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A shared image's original file, as a download. */
export async function GET(
  request: Request,
  context: { params: Promise<{ id: string; image: string }> },
) {
  const { id, image } = await context.params;
  return shareImageResponse(request, { kind: "download", id, image });
}
