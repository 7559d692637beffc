import type { Metadata } from "next";
import { ShareNotice } from "@/components/share/share-notice";

// Rendered instead of the page, whose generateMetadata then does not apply: the title is here.
export const metadata: Metadata = {
  title: "Review link not found",
  description: "This link doesn't exist.",
  robots: { index: false, follow: false },
};

export default function ShareNotFound() {
  return (
    <ShareNotice icon="link" title="This link doesn't exist">
      <p>Check that the whole link was copied, or ask the person who sent it for a new one.</p>
    </ShareNotice>
  );
}
