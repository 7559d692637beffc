"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { signIn } from "@/app/sign-in/actions";
import { Button } from "@/components/ui/button";
import type { SignInState } from "@/lib/access/sign-in";

const initialState: SignInState = {};

/**
 * The password form. It posts to a server action, so it works before (or without) JavaScript;
 * with it, the error shows without a reload and the button says it is busy.
 */
export function SignInForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(signIn, initialState);
  const passwordId = useId();
  const errorId = useId();
  const passwordRef = useRef<HTMLInputElement>(null);

  // A wrong password wants a retype: back to the field.
  useEffect(() => {
    if (state.error) passwordRef.current?.focus();
  }, [state]);

  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="next" value={next} />
      <label htmlFor={passwordId} className="text-sm font-medium">
        Password
      </label>
      <input
        ref={passwordRef}
        id={passwordId}
        name="password"
        type="password"
        required
        autoFocus
        autoComplete="current-password"
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? errorId : undefined}
        // 16px on phones, so iOS does not zoom into the field.
        className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-500 sm:text-sm dark:border-zinc-700 dark:bg-zinc-950 dark:aria-[invalid=true]:border-red-500"
      />
      <p id={errorId} role="alert" className="min-h-5 text-sm text-red-700 dark:text-red-400">
        {state.error}
      </p>
      <Button type="submit" variant="primary" className="w-full py-2.5" busy={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
