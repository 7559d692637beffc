"use client";

import { Card } from "@/components/ui/card";
import { usePlayground } from "@/lib/store/playground-store";
import { RunCard } from "./run-card";

/** Runs, newest first. */
export function RunList() {
  const runs = usePlayground((s) => s.runs);
  if (runs.length === 0) {
    return (
      <Card aria-label="Runs" className="grid min-h-64 place-items-center p-8 text-center">
        <div className="max-w-sm">
          <h2 className="font-medium">No runs yet</h2>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
            Add a reference image, describe the edit and press Run. Queue position, live logs and
            results appear here.
          </p>
        </div>
      </Card>
    );
  }
  return (
    <section aria-label="Runs" className="flex flex-col gap-4">
      {runs.map((run) => (
        <RunCard key={run.id} run={run} />
      ))}
    </section>
  );
}
