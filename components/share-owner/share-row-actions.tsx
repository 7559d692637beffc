"use client";

import { useId, useState } from "react";
import { ChoiceGroup } from "@/components/composer/choice-group";
import { Icon } from "@/components/gallery/icons";
import { copyText, useFlash } from "@/components/gallery/use-flash";
import { Button } from "@/components/ui/button";
import { EXPIRY_LABELS, type OwnedShare, type OwnedShareState } from "@/lib/shares/owned-share";
import { DEFAULT_SHARE_EXPIRY, SHARE_EXPIRIES, type ShareExpiry } from "@/lib/shares/share";
import { usePlayground } from "@/lib/store/playground-store";

const SMALL = "px-2 py-1 text-xs";

/**
 * What the owner can do to one share: copy or open its link, lock or unlock feedback, extend
 * it, revoke it (after an inline confirmation, "Keep" focused first, as deleting a run asks).
 */
export function ShareRowActions({
  share,
  state,
  url,
}: {
  share: OwnedShare;
  state: OwnedShareState;
  url: string;
}) {
  const lockShare = usePlayground((s) => s.lockShare);
  const unlockShare = usePlayground((s) => s.unlockShare);
  const extendShare = usePlayground((s) => s.extendShare);
  const revokeShare = usePlayground((s) => s.revokeShare);
  const [asking, setAsking] = useState<"extend" | "revoke">();
  const [expiry, setExpiry] = useState<ShareExpiry>(DEFAULT_SHARE_EXPIRY);
  const [busy, setBusy] = useState(false);
  const [status, say] = useFlash();
  const questionId = useId();
  const gone = state === "revoked" || state === "missing";

  const perform = async (action: () => Promise<string | undefined>, done: string) => {
    setBusy(true);
    const error = await action();
    setBusy(false);
    setAsking(undefined);
    say(error ?? done, error !== undefined);
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="-ml-2 flex flex-wrap items-center gap-1">
        <Button
          variant="ghost"
          className={SMALL}
          onClick={() => void copyText(url, say, "Link copied")}
        >
          <Icon name="copy" className="size-3.5" />
          Copy link
        </Button>
        <a
          href={url}
          target="_blank"
          rel="noreferrer"
          className="inline-flex items-center gap-2 rounded-lg px-2 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        >
          <Icon name="open" className="size-3.5" />
          Open<span className="sr-only"> “{share.title}” in a new tab</span>
        </a>
        {(state === "open" || state === "locked") && (
          <Button
            variant="ghost"
            className={SMALL}
            busy={busy}
            onClick={() =>
              void (state === "open"
                ? perform(() => lockShare(share.id), "Locked: feedback is closed")
                : perform(() => unlockShare(share.id), "Unlocked: feedback is open again"))
            }
          >
            {state === "open" ? "Lock" : "Unlock"}
          </Button>
        )}
        {!gone && (
          <>
            <Button
              variant="ghost"
              className={SMALL}
              busy={busy}
              onClick={() => setAsking("extend")}
            >
              Extend…
            </Button>
            <Button
              variant="ghost"
              className={`${SMALL} hover:text-red-700 dark:hover:text-red-400`}
              busy={busy}
              onClick={() => setAsking("revoke")}
            >
              Revoke…
            </Button>
          </>
        )}
        <p role="status" className="px-2 text-xs text-zinc-600 dark:text-zinc-400">
          {status}
        </p>
      </div>
      {asking === "extend" && (
        <div className="flex flex-wrap items-end gap-2">
          <ChoiceGroup
            label="Expires after, from now"
            options={SHARE_EXPIRIES}
            value={expiry}
            onChange={setExpiry}
            format={(e) => EXPIRY_LABELS[e]}
          />
          <Button
            variant="primary"
            className={SMALL}
            busy={busy}
            onClick={() => void perform(() => extendShare(share.id, expiry), "Extended")}
          >
            Extend
          </Button>
          <Button className={SMALL} onClick={() => setAsking(undefined)}>
            Cancel
          </Button>
        </div>
      )}
      {asking === "revoke" && (
        <div
          role="group"
          aria-labelledby={questionId}
          className="flex flex-wrap items-center gap-2 text-xs"
          onKeyDown={(event) => event.key === "Escape" && setAsking(undefined)}
        >
          <span id={questionId} className="font-medium">
            Revoke this link? The page goes away for good, and its feedback is deleted.
          </span>
          <Button
            variant="primary"
            className={`${SMALL} bg-red-600 text-white hover:bg-red-700 dark:bg-red-600 dark:hover:bg-red-500`}
            busy={busy}
            onClick={() => void perform(() => revokeShare(share.id), "Revoked")}
          >
            Revoke
          </Button>
          <Button autoFocus className={SMALL} onClick={() => setAsking(undefined)}>
            Keep
          </Button>
        </div>
      )}
    </div>
  );
}
