"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { SHARE_LIMITS } from "@/lib/shares/share";
import { NoticeText } from "./notice-text";
import { noticeKey, useReview, type Notice } from "./review-context";
import { readReviewerName, saveReviewerName } from "./reviewer-name";

const FIELD =
  "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 read-only:bg-zinc-50 sm:text-sm dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:read-only:bg-zinc-900";

/**
 * The comment box of one image, with a live character count and an optional name this browser
 * remembers. What is typed survives closing the lightbox and a refused send.
 */
export function CommentForm({
  imageId,
  imageLabel,
  autoFocus,
}: {
  imageId: string;
  imageLabel: string;
  autoFocus: boolean;
}) {
  const { drafts, locked, notices, postComment } = useReview();
  const [text, setText] = useState(() => drafts.get(imageId) ?? "");
  const [name, setName] = useState(readReviewerName);
  const [sending, setSending] = useState(false);
  const [hint, setHint] = useState<Notice>();
  const box = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const ids = { text: useId(), count: useId(), name: useId(), notice: useId() };

  // After the library has focused the image (its effect runs first), when opened to comment.
  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, [autoFocus]);

  if (locked && !text) {
    return (
      <p className="border-t border-zinc-200 px-4 py-3 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        Feedback is closed: comments can be read, not added.
      </p>
    );
  }

  const edit = (value: string) => {
    setText(value);
    setHint(undefined);
    drafts.set(imageId, value);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (locked || sending) return;
    const comment = text.trim();
    if (!comment) {
      setHint({ tone: "error", text: "Write a comment first." });
      box.current?.focus();
      return;
    }
    setSending(true);
    // Out of the drafts while in flight: reopening this image meanwhile must not offer it twice.
    drafts.delete(imageId);
    const saved = await postComment(imageId, comment);
    setSending(false);
    if (saved) setText("");
    else drafts.set(imageId, text);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  };

  const notice = hint ?? notices[noticeKey(imageId, "comment")];
  return (
    <form
      ref={form}
      onSubmit={submit}
      className="flex flex-col gap-2 border-t border-zinc-200 px-4 pt-3 pb-4 dark:border-zinc-800"
    >
      <label htmlFor={ids.text} className="text-sm font-medium">
        Add a comment <span className="sr-only">on {imageLabel}</span>
      </label>
      <textarea
        ref={box}
        id={ids.text}
        value={text}
        onChange={(event) => edit(event.target.value)}
        onKeyDown={onKeyDown}
        readOnly={locked || sending}
        maxLength={SHARE_LIMITS.commentChars}
        rows={3}
        aria-describedby={`${ids.count} ${ids.notice}`}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        className={`${FIELD} resize-y`}
      />
      <p
        id={ids.count}
        className="-mt-1 text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
      >
        {text.length} / {SHARE_LIMITS.commentChars}
        <span className="sr-only"> characters</span>
      </p>
      <label htmlFor={ids.name} className="text-sm font-medium">
        Your name <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>
      </label>
      <input
        id={ids.name}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          saveReviewerName(event.target.value);
        }}
        readOnly={locked}
        maxLength={SHARE_LIMITS.nameChars}
        autoComplete="name"
        className={FIELD}
      />
      <NoticeText id={ids.notice} notice={notice} />
      {locked ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Feedback is closed: this comment can no longer be sent. Copy it if you need it.
        </p>
      ) : (
        <Button type="submit" variant="primary" busy={sending} className="self-end">
          {sending ? "Posting…" : "Post comment"}
        </Button>
      )}
    </form>
  );
}
