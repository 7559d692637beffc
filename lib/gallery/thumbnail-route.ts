/**
 * The gallery's thumbnail answers (GET /api/thumbnail): a result's original resized to one WebP
 * width, or whether it is still served. Never an open resizer: behind the access gate (a session
 * where a password is set; nothing where the deployment is closed), only URLs a share could hold
 * (fal's media hosts over https on the default port, FAL_UPSTREAM_URL's origin, this app's demo
 * files; no credentials), one width, no redirects followed, and size and pixel caps (share-files).
 */
import "server-only";
import { gateApiCall } from "@/lib/access/require-session";
import { browserOrigin } from "@/lib/proxy/upstream";
import { accessPolicy, modeOf, serverEnv, type ServerEnv } from "@/lib/server-env";
import { isMediaFileError, originalStatus, shareThumbnail } from "@/lib/shares/share-files";
import { shareableUrl } from "@/lib/shares/share-urls";
import { GALLERY_THUMB_WIDTH } from "./thumbnail-url";

const refuse = (status: number, detail: string) =>
  Response.json({ detail }, { status, headers: { "cache-control": "no-store" } });

const GONE = "fal no longer serves this file (it expired under the account's storage settings).";

/** The answer to one thumbnail or check request; `env` is passed in so tests can set it. */
export async function thumbnailResponse(
  request: Request,
  env: ServerEnv = serverEnv(),
): Promise<Response> {
  if (accessPolicy(env) === "closed")
    return refuse(403, "This deployment is not open to visitors yet, so it makes no thumbnails.");
  const noSession = await gateApiCall(request, env);
  if (noSession) return noSession;

  const params = new URL(request.url).searchParams;
  const origin = browserOrigin(request);
  const stored = shareableUrl(params.get("url") ?? "", {
    origin,
    demo: modeOf(env) === "demo",
    upstreamUrl: env.upstreamUrl,
  });
  if (!stored) return refuse(400, "Only result files from fal (or this demo) get thumbnails.");
  const check = params.get("check") === "1";
  if (!check && params.get("w") !== String(GALLERY_THUMB_WIDTH))
    return refuse(400, `Width must be ${GALLERY_THUMB_WIDTH}.`);

  try {
    if (check) {
      const status = await originalStatus(stored, origin);
      return status === "gone"
        ? refuse(410, GONE)
        : new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
    }
    const thumb = await shareThumbnail(stored, GALLERY_THUMB_WIDTH, origin);
    if (thumb === "gone") return refuse(410, GONE);
    return new Response(thumb as BodyInit, {
      headers: {
        "content-type": "image/webp",
        // The file behind a result URL never changes; the browser keeps its own copy in
        // IndexedDB anyway, so this only helps the first moments.
        "cache-control": "private, max-age=86400",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (isMediaFileError(error)) return refuse(error.status, error.message);
    console.error(`Thumbnail failed: ${error instanceof Error ? error.message : String(error)}`);
    // fal's CDN unreachable or too slow: the browser falls back to the original.
    return refuse(502, "The file could not be loaded from its host right now.");
  }
}
