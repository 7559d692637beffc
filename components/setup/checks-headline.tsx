import type { SetupCheck } from "@/lib/setup/setup-check";
import { StatusIcon } from "./status-icon";

/** The one-line verdict under the title, with the worst row's status. */
export function ChecksHeadline({ checks, text }: { checks: SetupCheck[]; text: string }) {
  const worst = checks.some((check) => check.status === "error")
    ? "error"
    : checks.some((check) => check.status === "warn")
      ? "warn"
      : "ok";
  return (
    <p className="flex items-center gap-2 text-base font-medium">
      {/* The words carry the verdict; the badge only repeats it. */}
      <span aria-hidden>
        <StatusIcon status={worst} />
      </span>
      <span>{text}</span>
    </p>
  );
}
