import { describe, expect, it } from "vitest";
import { fromLegacyError, isLegacyError } from "@/lib/history/legacy-error";
import { describeError } from "@/lib/runs/run-error";

// Every title the words-based mapping (history version 1) could store, with a message it wrote.
const OLD: [title: string, message: string, retryable: boolean][] = [
  ["Sign in again", "Sign in. Reload the page to sign in again.", true],
  ["This deployment is locked", "No password.", false],
  ["Too many runs this minute", "Six a minute.", true],
  ["Not enough budget left today", "Cap reached.", true],
  ["Limits unavailable", "Redis down.", true],
  ["Blocked by this app's proxy", "Not allowed.", false],
  ["Could not reach fal", "Could not reach fal (ECONNREFUSED).", true],
  ["fal rejected the input", "prompt: Write a prompt.", false],
  [
    "The fal key is invalid",
    "No user found. The owner of this deployment needs to set a valid FAL_KEY.",
    false,
  ],
  ["fal refused the run", "User is locked.", false],
  ["Too many runs at once", "Rate limit exceeded. Wait a moment and try again.", true],
  ["Cancelled", "Request was cancelled.", true],
  ["fal could not run this request", "Bad request.", true],
  ["fal had a problem running this", "Internal server error (internal_error)", true],
  ["fal answered 404", "Request not found.", true],
  ["Network problem", "The connection dropped. Check that you are online, then try again.", true],
  ["Interrupted while submitting", "The page closed before fal confirmed this run.", true],
  ["Something went wrong", "boom", true],
];

describe("errors saved as words by history version 1", () => {
  it.each(OLD)("%s reads the same after migration", (title, message, retryable) => {
    const old = { title, message, retryable };
    expect(isLegacyError(old)).toBe(true);
    const migrated = fromLegacyError(old);
    expect(isLegacyError(migrated)).toBe(false);
    expect(describeError(migrated)).toEqual({ title, message, retryable });
  });

  it("keeps a 422's field errors", () => {
    const migrated = fromLegacyError({
      title: "fal rejected the input",
      message: "seed: Too big.",
      fields: { seed: "Too big." },
      retryable: false,
    });
    expect(migrated).toMatchObject({ code: "fal_invalid_input", fields: { seed: "Too big." } });
  });
});
