import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A labelled control with its hint and its problem, wired for screen readers. */
export function Field({
  label,
  htmlFor,
  error,
  hint,
  aside,
  className,
  children,
}: {
  label: ReactNode;
  htmlFor?: string;
  error?: string;
  hint?: ReactNode;
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <div className="flex items-baseline justify-between gap-2">
        {htmlFor ? (
          <label htmlFor={htmlFor} className="text-sm font-medium">
            {label}
          </label>
        ) : (
          <span className="text-sm font-medium">{label}</span>
        )}
        {aside}
      </div>
      {children}
      {error ? (
        <p
          id={htmlFor ? `${htmlFor}-error` : undefined}
          className="text-xs text-red-700 dark:text-red-400"
        >
          {error}
        </p>
      ) : (
        hint && <p className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</p>
      )}
    </div>
  );
}

export const inputClass =
  "rounded-lg border border-zinc-300 bg-white px-2.5 py-1.5 text-sm tabular-nums aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-950 dark:aria-[invalid=true]:border-red-500";

/** Props that tie an input to its Field's error message. */
export function errorProps(id: string, error?: string) {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
  };
}
