"use client";

import { usePathname } from "next/navigation";
import { ShareNotice } from "@/components/share/share-notice";

// The playground's own error page speaks of runs on fal; a client needs none of that. "Try
// again" loads the page anew: the failure was on the server, so re-rendering here would not help.
export default function ShareError({ error }: { error: Error & { digest?: string } }) {
  const pathname = usePathname();
  return (
    <ShareNotice icon="retry" title="This page couldn't be loaded">
      <p>
        Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. Try
        again in a moment.
      </p>
      <a
        href={pathname ?? ""}
        className="inline-flex items-center justify-center self-start rounded-lg bg-accent-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-accent-700"
      >
        Try again
      </a>
    </ShareNotice>
  );
}
