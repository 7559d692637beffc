"use client";

import { Icon } from "@/components/gallery/icons";
import { ownedShareState, type OwnedShare } from "@/lib/shares/owned-share";
import { ShareRowActions } from "./share-row-actions";
import { ShareStateBadge } from "./share-state-badge";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function expiryText(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return "No expiry";
  return `${expiresAt <= now ? "Expired" : "Expires"} ${dateFormat.format(expiresAt)}`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One share: its title, state, numbers and expiry, and what can be done to it. */
export function ShareRow({ share, now }: { share: OwnedShare; now: number }) {
  const state = ownedShareState(share, now);
  const summary = share.lastSummary;
  const marks = summary?.feedback?.marks ?? [];
  const approved = marks.filter((m) => m.mark === "approved").length;
  const changes = marks.filter((m) => m.mark === "changes").length;
  const comments = summary?.feedback?.comments.length ?? 0;
  // The origin of this page, not of the day it was made: a deployment can move.
  const url =
    typeof location === "undefined" ? share.path : new URL(share.path, location.origin).href;

  return (
    <li className="flex flex-col gap-2 border-b border-zinc-100 py-3 last:border-b-0 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="min-w-0 flex-1 truncate text-sm font-semibold" title={share.title}>
          {share.title}
        </h3>
        <ShareStateBadge state={state} />
      </div>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        <span>{count(summary?.imageCount ?? share.images.length, "image")}</span>
        <span>{summary?.views === undefined ? "Views unknown" : count(summary.views, "view")}</span>
        <span className="inline-flex items-center gap-1">
          <Icon name="check" className="size-3.5 text-emerald-600 dark:text-emerald-400" />
          {approved} approved
        </span>
        <span className="inline-flex items-center gap-1">
          <Icon name="revise" className="size-3.5 text-amber-600 dark:text-amber-400" />
          {changes} {changes === 1 ? "needs" : "need"} changes
        </span>
        <span className="inline-flex items-center gap-1">
          <Icon name="comment" className="size-3.5" />
          {count(comments, "comment")}
        </span>
        <span>{state === "revoked" ? "Revoked" : expiryText(share.expiresAt, now)}</span>
      </p>
      <ShareRowActions share={share} state={state} url={url} />
    </li>
  );
}
