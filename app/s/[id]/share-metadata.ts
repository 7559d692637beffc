import type { Metadata } from "next";
import { thumbPath, type PublicShare, type SharePageData } from "@/lib/shares/public-share";

/** Links are private by nature: never indexed, whatever happens to the share. */
const ROBOTS = { index: false, follow: false } as const;
const NOTE_CHARS = 200;

/** The origin the visitor used, for absolute preview-image URLs; undefined when unknowable. */
export function requestOrigin(requestHeaders: Headers): URL | undefined {
  const host = requestHeaders.get("host");
  if (!host) return undefined;
  const forwarded = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const protocol = forwarded === "https" || forwarded === "http" ? forwarded : "http";
  try {
    return new URL(`${protocol}://${host}`);
  } catch {
    return undefined;
  }
}

/** The note as a preview's description: one line, cut at a word near 200 characters. */
function preview(note: string): string {
  const line = note.replace(/\s+/g, " ").trim();
  if (line.length <= NOTE_CHARS) return line;
  const cut = line.slice(0, NOTE_CHARS - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > NOTE_CHARS * 0.6 ? cut.slice(0, space) : cut}…`;
}

function readyMetadata(share: PublicShare, origin: URL | undefined): Metadata {
  const count = share.images.length;
  const description = share.note
    ? preview(share.note)
    : `${count} ${count === 1 ? "image" : "images"} shared for review.`;
  const first = share.images[0];
  // A preview image needs an absolute URL; without a known origin there is none to give.
  const image =
    first && origin
      ? {
          url: thumbPath(share.id, first.id, 1280),
          width: 1280,
          height:
            first.width && first.height
              ? Math.round((1280 * first.height) / first.width)
              : undefined,
          alt: share.title,
        }
      : undefined;
  return {
    title: share.title,
    description,
    robots: ROBOTS,
    metadataBase: origin,
    openGraph: { type: "website", title: share.title, description, images: image && [image] },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: share.title,
      description,
      images: image && [image],
    },
  };
}

/**
 * The page's title and link preview. A passcode share shows its title only: no note, no image,
 * since a preview is seen by whoever the link is pasted to, passcode or not.
 */
export function shareMetadata(data: SharePageData, origin: URL | undefined): Metadata {
  const plain = (title: string, description: string): Metadata => ({
    title,
    description,
    robots: ROBOTS,
    openGraph: { type: "website", title, description },
    twitter: { card: "summary", title, description },
  });
  switch (data.kind) {
    case "ready":
      return readyMetadata(data.share, origin);
    case "passcode":
      return plain(data.title, "Shared images, protected by a passcode.");
    case "gone":
      return plain(
        "Review link no longer available",
        "This review link has expired or was revoked.",
      );
    case "missing":
      return plain("Review link not found", "This link doesn't exist.");
    case "unavailable":
      return plain("Review link", "Shared images for review.");
  }
}
