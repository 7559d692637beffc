import { sharePath } from "@/lib/shares/public-share";
import { ShareNotice } from "./share-notice";

/**
 * The share store did not answer. Nothing is wrong with the link, so the page says so and
 * offers the same link again (a plain link: it works before any script has loaded).
 */
export function UnavailableNotice({ shareId }: { shareId: string }) {
  return (
    <ShareNotice icon="retry" title="The share service is unavailable right now">
      <p>Nothing is wrong with your link. Try again in a minute.</p>
      <a
        href={sharePath(shareId)}
        className="inline-flex items-center justify-center self-start rounded-lg bg-accent-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-accent-700"
      >
        Try again
      </a>
    </ShareNotice>
  );
}
