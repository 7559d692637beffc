import { thumbnailResponse } from "@/lib/gallery/thumbnail-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = (request: Request) => thumbnailResponse(request);
