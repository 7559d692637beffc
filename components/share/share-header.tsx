import type { PublicShare } from "@/lib/shares/public-share";
import { availableUntil } from "./share-dates";
import { ShareIcon } from "./share-icons";

/** The share's title, the owner's note (their words, as typed), its size and how long it lasts. */
export function ShareHeader({ share }: { share: PublicShare }) {
  const count = share.images.length;
  const facts = [
    `${count} ${count === 1 ? "image" : "images"}`,
    share.expiresAt !== null ? availableUntil(share.expiresAt, share.createdAt) : undefined,
  ].filter(Boolean);

  return (
    <header className="flex max-w-4xl flex-col gap-3">
      <h1 className="text-2xl font-semibold tracking-tight text-balance break-words sm:text-3xl">
        {share.title}
      </h1>
      <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">{facts.join(" · ")}</p>
      {share.note && (
        // Plain text with its line breaks kept: the note is never parsed as markup.
        <p className="max-w-prose text-base/relaxed break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
          {share.note}
        </p>
      )}
      {share.locked ? (
        <p
          role="note"
          className="flex items-start gap-2 self-start rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100"
        >
          <ShareIcon name="lock" className="mt-0.5 size-4 shrink-0" />
          <span>
            <strong className="font-semibold">Feedback closed.</strong> The owner has closed
            feedback on these images; you can still view them and read the comments.
          </span>
        </p>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Approve each image or say it needs changes, and leave comments. Select an image to see it
          full size.
        </p>
      )}
    </header>
  );
}
