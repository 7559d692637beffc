"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * A modal dialog on the native <dialog>: the browser traps focus, Esc closes it, and focus goes
 * back to what opened it. It exists only while open (mount it to open, unmount to close).
 */
export function Modal({
  title,
  onClose,
  children,
  className,
  actions,
}: {
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  className?: string;
  /** Buttons in the header, beside Close. */
  actions?: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();

  // Guarded: Strict Mode runs effects twice, and by then focus is already inside the dialog.
  useEffect(() => {
    if (opener.current === null && document.activeElement instanceof HTMLElement)
      opener.current = document.activeElement;
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={() => {
        opener.current?.focus();
        onClose();
      }}
      className={cn(
        "modal mx-auto mt-[5dvh] max-h-[90dvh] overflow-auto rounded-2xl border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-zinc-950/70 sm:p-5 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100",
        className,
      )}
    >
      <div className="mb-3 flex items-start justify-between gap-3">
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <div className="flex items-center gap-1">
          {actions}
          <button
            type="button"
            aria-label="Close"
            onClick={() => dialog.current?.close()}
            className="rounded-lg p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" />
            </svg>
          </button>
        </div>
      </div>
      {children}
    </dialog>
  );
}
