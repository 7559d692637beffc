/**
 * The share page's image answers: thumbnails (any of THUMB_WIDTHS), a reference's thumbnail, and
 * the original as a download. Each checks the share first (exists, not gone, passcode typed), so
 * this is never an open resizer or downloader.
 */
import "server-only";
import { clientKey } from "@/lib/limits/client-identity";
import { browserOrigin } from "@/lib/proxy/upstream";
import { serverEnv } from "@/lib/server-env";
import { shareErrorResponse, SHARE_ERROR_TYPES, ShareError } from "./errors";
import { accessCookieName } from "./passcode";
import { THUMB_WIDTHS, type ThumbWidth } from "./public-share";
import { isMediaFileError, openShareFile, shareThumbnail } from "./share-files";
import { isShareStoreUnavailable } from "./store/contract";
import { viewableShare } from "./viewer";

export type ShareImageRequest =
  | { kind: "thumb"; id: string; image: string }
  | { kind: "reference"; id: string; image: string; k: string }
  | { kind: "download"; id: string; image: string };

const FILE_GONE =
  "fal no longer serves this file (it expired under the account's storage settings).";

function cookieOf(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

export async function shareImageResponse(
  request: Request,
  target: ShareImageRequest,
): Promise<Response> {
  try {
    const share = await viewableShare(target.id, cookieOf(request, accessCookieName(target.id)));
    const image = share.images.find((i) => i.id === target.image);
    const stored =
      target.kind === "reference" ? image?.referenceUrls?.[Number(target.k)] : image?.url;
    if (!stored || (target.kind === "reference" && !/^\d$/.test(target.k))) {
      throw new ShareError(
        404,
        SHARE_ERROR_TYPES.notFound,
        "There is no such image in this share.",
      );
    }
    const origin = browserOrigin(request);
    if (target.kind === "download") {
      const file = await openShareFile(stored, origin, clientKey(request.headers, serverEnv()));
      if (file === "gone") throw new ShareError(410, SHARE_ERROR_TYPES.gone, FILE_GONE);
      const extension = file.contentType.split("/")[1]?.replace("jpeg", "jpg") ?? "png";
      const name = `${
        share.title
          .replace(/[^\w -]+/g, "")
          .trim()
          .slice(0, 60) || "image"
      }-${Number(image!.id) + 1}.${extension}`;
      // Next answers HEAD with this handler and drops the body unread: it is given back here,
      // with its slot, or every HEAD would hold a download slot for good.
      if (request.method === "HEAD") await file.body.cancel();
      return new Response(request.method === "HEAD" ? null : file.body, {
        headers: {
          "content-type": file.contentType,
          "content-disposition": `attachment; filename="${name}"`,
          "cache-control": "private, no-store",
          "x-content-type-options": "nosniff",
          ...(file.length ? { "content-length": String(file.length) } : {}),
        },
      });
    }
    const width = Number(new URL(request.url).searchParams.get("w") ?? 640);
    if (!THUMB_WIDTHS.includes(width as ThumbWidth)) {
      throw new ShareError(
        400,
        SHARE_ERROR_TYPES.invalid,
        `Width must be one of ${THUMB_WIDTHS.join(", ")}.`,
      );
    }
    const thumb = await shareThumbnail(stored, width, origin);
    if (thumb === "gone") throw new ShareError(410, SHARE_ERROR_TYPES.gone, FILE_GONE);
    return new Response(thumb as BodyInit, {
      headers: {
        "content-type": "image/webp",
        // The browser may keep it: the file behind a share id and index never changes. Private,
        // so a shared cache does not keep serving a revoked share's images.
        "cache-control": "private, max-age=86400",
      },
    });
  } catch (error) {
    if (error instanceof ShareError || !(error instanceof Error)) return shareErrorResponse(error);
    if (isShareStoreUnavailable(error)) return shareErrorResponse(error);
    if (isMediaFileError(error)) {
      // Too large, not an image, busy: said as it is, with a wait where waiting helps.
      const type =
        error.status === 429 || error.status === 503
          ? SHARE_ERROR_TYPES.rateLimited
          : error.status === 413
            ? SHARE_ERROR_TYPES.tooLarge
            : SHARE_ERROR_TYPES.fileUnreachable;
      const wait = error.status === 429 || error.status === 503 ? 5 : undefined;
      return shareErrorResponse(new ShareError(error.status, type, `${error.message}.`, wait));
    }
    // fal's CDN unreachable or too slow: say so, rather than a bare 500.
    console.error(`Share image failed: ${error.message}`);
    return shareErrorResponse(
      new ShareError(
        502,
        SHARE_ERROR_TYPES.fileUnreachable,
        "The image could not be loaded from fal right now; try again.",
      ),
    );
  }
}
