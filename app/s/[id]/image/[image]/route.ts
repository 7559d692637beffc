import { shareImageResponse } from "@/lib/shares/image-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A shared image's thumbnail (WebP, ?w= one of THUMB_WIDTHS). */
export async function GET(
  request: Request,
  context: { params: Promise<{ id: string; image: string }> },
) {
  const { id, image } = await context.params;
  return shareImageResponse(request, { kind: "thumb", id, image });
}
