"use client";

import { useNow } from "@/components/runs/use-now";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { usePlayground } from "@/lib/store/playground-store";
import { ShareRow } from "./share-row";

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

/** The owner's review links, newest first, with what clients did on each. */
export function SharedView() {
  const shares = usePlayground((s) => s.shares);
  const checkedAt = usePlayground((s) => s.sharesCheckedAt);
  const error = usePlayground((s) => s.sharesError);
  const refreshShares = usePlayground((s) => s.refreshShares);
  // Ticks so a share passing its expiry shows as expired before the next status call.
  const now = useNow(shares.length > 0, 30_000);

  if (shares.length === 0) {
    return (
      <Card aria-label="Shared" className="grid min-h-48 place-items-center p-8 text-center">
        <div className="max-w-sm">
          <h2 className="font-medium">No review links yet</h2>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
            Select images in Runs, then press Share… to send them to a client. Their approvals and
            comments show here and on the images.
          </p>
        </div>
      </Card>
    );
  }
  return (
    <Card aria-label="Shared" className="flex flex-col gap-1 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold">
          Review links{" "}
          <span className="font-normal text-zinc-500 tabular-nums dark:text-zinc-400">
            ({shares.length})
          </span>
        </h2>
        <span
          className={
            error
              ? "ml-auto text-xs text-red-700 dark:text-red-400"
              : "ml-auto text-xs text-zinc-500 dark:text-zinc-400"
          }
          aria-live="polite"
        >
          {error ?? (checkedAt > 0 ? `Checked at ${timeFormat.format(checkedAt)}` : "")}
        </span>
        <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => void refreshShares()}>
          Refresh
        </Button>
      </div>
      <ul>
        {shares.map((share) => (
          <ShareRow key={share.id} share={share} now={now} />
        ))}
      </ul>
    </Card>
  );
}
