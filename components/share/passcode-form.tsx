"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { unlock, type UnlockState } from "@/app/s/[id]/actions";
import { Button } from "@/components/ui/button";
import { SHARE_LIMITS } from "@/lib/shares/share";

const initialState: UnlockState = {};

/**
 * The share's passcode. It posts to a server action, so it works before (or without)
 * JavaScript; with it, a wrong passcode is said without a reload.
 */
export function PasscodeForm({ shareId }: { shareId: string }) {
  const [state, formAction, pending] = useActionState(unlock, initialState);
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);

  // A wrong passcode wants a retype: back to the field, its text selected.
  useEffect(() => {
    if (state.error) input.current?.select();
  }, [state]);

  return (
    <form action={formAction} className="mt-2 flex flex-col gap-3">
      <input type="hidden" name="id" value={shareId} />
      <label htmlFor={inputId} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
        Passcode
      </label>
      <input
        ref={input}
        id={inputId}
        name="passcode"
        type="password"
        required
        autoFocus
        // Not "current-password": a password manager would offer the studio's own login here.
        autoComplete="off"
        maxLength={SHARE_LIMITS.passcodeChars.max}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? errorId : undefined}
        // 16px on phones, so iOS does not zoom into the field.
        className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 aria-[invalid=true]:border-red-500 sm:text-sm dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:aria-[invalid=true]:border-red-500"
      />
      <p id={errorId} role="alert" className="min-h-5 text-sm text-red-700 dark:text-red-400">
        {state.error}
      </p>
      <Button type="submit" variant="primary" className="w-full py-2.5" busy={pending}>
        {pending ? "Checking…" : "View the images"}
      </Button>
    </form>
  );
}
