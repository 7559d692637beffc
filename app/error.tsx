"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="mx-auto max-w-lg px-6 py-20 text-center">
      <h1 className="text-lg font-semibold">The playground hit an error</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {error.digest ? `Reference ${error.digest}. ` : ""}Your runs on fal keep going; reload to
        pick them up.
      </p>
      <Button className="mt-6" variant="primary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
