"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { PublicFeedback } from "@/lib/shares/public-share";
import type { FeedbackInput, Mark } from "@/lib/shares/share";
import { pendingCommentId, withPending, type PendingFeedback } from "./feedback-state";
import { noticeKey, type Notice, type NoticeSlot } from "./review-context";
import { readReviewerName } from "./reviewer-name";
import { sendFeedback } from "./send-feedback";

/** A "Saved" goes away after this; errors stay until the next try. */
const SAVED_NOTICE_MS = 4_000;

const MARK_SAVED: Record<Mark | "none", string> = {
  approved: "Saved: approved.",
  changes: "Saved: needs changes.",
  none: "Saved: mark removed.",
};

/**
 * The share's feedback in this browser: shown at once (optimistic), sent one request at a time,
 * and replaced by each answer of the server. A refusal takes the optimistic change back and says
 * why (the API's own words) where the reviewer acted.
 */
export function useFeedbackSync(
  shareId: string,
  initial: PublicFeedback,
  initiallyLocked: boolean,
) {
  const [saved, setSaved] = useState(initial);
  const [pending, setPending] = useState<readonly PendingFeedback[]>([]);
  const [notices, setNotices] = useState<Readonly<Record<string, Notice>>>({});
  const [locked, setLocked] = useState(initiallyLocked);
  const lastSeq = useRef(0);
  // One at a time, in the order sent: each answer is then the newest state (a quick Approve then
  // Needs changes ends on the second), and no older answer can overwrite a newer one.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pendingTimers = timers.current;
    return () => pendingTimers.forEach(clearTimeout);
  }, []);

  const say = useCallback((key: string, notice: Notice | undefined) => {
    clearTimeout(timers.current.get(key));
    setNotices(({ [key]: _previous, ...rest }) => (notice ? { ...rest, [key]: notice } : rest));
    if (notice?.tone === "saved") {
      timers.current.set(
        key,
        setTimeout(() => setNotices(({ [key]: _saved, ...rest }) => rest), SAVED_NOTICE_MS),
      );
    }
  }, []);

  const submit = useCallback(
    (item: PendingFeedback, input: FeedbackInput, slot: NoticeSlot, savedText: string) => {
      const key = noticeKey(item.imageId, slot);
      setPending((list) => [...list, item]);
      say(key, undefined);
      const done = queue.current.then(async () => {
        const result = await sendFeedback(shareId, input);
        if (result.ok) setSaved(result.feedback);
        // The owner closed feedback (409) or the link (410) since the page loaded: every control
        // turns read-only, as if the page had been loaded now.
        else if (result.status === 409 || result.status === 410) setLocked(true);
        setPending((list) => list.filter((other) => other.seq !== item.seq));
        say(
          key,
          result.ok ? { tone: "saved", text: savedText } : { tone: "error", text: result.detail },
        );
        return result.ok;
      });
      queue.current = done;
      return done;
    },
    [shareId, say],
  );

  const setMark = useCallback(
    (imageId: string, mark: Mark | null) => {
      const name = readReviewerName().trim() || undefined;
      const item: PendingFeedback = { seq: ++lastSeq.current, kind: "mark", imageId, mark };
      void submit(item, { imageId, mark, name }, "mark", MARK_SAVED[mark ?? "none"]);
    },
    [submit],
  );

  const postComment = useCallback(
    (imageId: string, text: string) => {
      const name = readReviewerName().trim() || undefined;
      const seq = ++lastSeq.current;
      const item: PendingFeedback = { seq, kind: "comment", imageId, text, name, at: Date.now() };
      return submit(item, { imageId, comment: text, name }, "comment", "Comment posted.");
    },
    [submit],
  );

  const feedback = useMemo(() => pending.reduce(withPending, saved), [saved, pending]);
  const sendingComments = useMemo(
    () =>
      new Set(
        pending.flatMap((item) => (item.kind === "comment" ? [pendingCommentId(item.seq)] : [])),
      ),
    [pending],
  );

  return { feedback, sendingComments, notices, locked, setMark, postComment };
}
