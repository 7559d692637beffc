"use client";

import { useId } from "react";
import { Icon } from "@/components/gallery/icons";
import { copyText, useFlash } from "@/components/gallery/use-flash";
import { Button } from "@/components/ui/button";
import { QrCode } from "./qr-code";

/** A new share's link to pass on: copy it, open it, or scan it from another device. */
export function ShareLinkPanel({
  url,
  title,
  passcode,
}: {
  url: string;
  title: string;
  passcode?: string;
}) {
  const [status, say] = useFlash();
  const id = useId();
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        Anyone with this link can see “{title}” and leave feedback
        {passcode ? " after typing the passcode" : ""}. Its feedback shows in your gallery and under
        Shared.
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-link`} className="text-sm font-medium">
          Link
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id={`${id}-link`}
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
            className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
          />
          <Button variant="primary" onClick={() => void copyText(url, say, "Copied")}>
            <Icon name={status === "Copied" ? "check" : "copy"} />
            {status === "Copied" ? "Copied" : "Copy"}
          </Button>
          <a
            href={url}
            target="_blank"
            rel="noreferrer"
            className="inline-flex items-center gap-2 rounded-lg border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            <Icon name="open" />
            Open link
            <span className="sr-only">(in a new tab)</span>
          </a>
        </div>
        <p role="status" className="min-h-4 text-xs text-zinc-600 dark:text-zinc-400">
          {status}
        </p>
      </div>
      {passcode && (
        <p className="text-sm">
          Passcode: <span className="font-mono">{passcode}</span> — send it apart from the link.
        </p>
      )}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <QrCode text={url} label={`QR code of the link to “${title}”`} />
        {/* method="dialog" closes the surrounding <dialog> natively: focus returns to the opener. */}
        <form method="dialog">
          <Button type="submit">Done</Button>
        </form>
      </div>
    </div>
  );
}
