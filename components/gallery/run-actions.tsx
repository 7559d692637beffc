"use client";

import { endpointOf } from "@/lib/endpoint";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { usePlayground } from "@/lib/store/playground-store";
import type { Run } from "@/lib/store/runs";
import { DeleteRunButton } from "./delete-run-button";
import { IconButton } from "./icon-button";
import { Icon } from "./icons";
import { copyText, useFlash } from "./use-flash";

function scrollToComposer() {
  document
    .querySelector("section[aria-label=Composer]")
    ?.scrollIntoView({ behavior: "smooth", block: "start" });
}

/** What applies to the whole run: reuse its input or seed, copy the seed, delete it. */
export function RunActions({ run }: { run: Run }) {
  const reuseInput = usePlayground((s) => s.reuseInput);
  const reuseSeed = usePlayground((s) => s.reuseSeed);
  const selectRun = usePlayground((s) => s.selectRun);
  const [status, say] = useFlash();
  const output = run.output;
  const checked = run.input.enable_safety_checker !== false;
  const passed = output && checked && !output.has_nsfw_concepts.some(Boolean);

  return (
    <div
      className={cn(output?.images.length && "border-t border-zinc-100 pt-2 dark:border-zinc-800")}
    >
      {/* Pulled left so the ghost buttons' text, not their padding, lines up with the card. */}
      <div className="-ml-2 flex flex-wrap items-center gap-x-1 gap-y-1">
        {output && (
          <>
            <span className="flex items-center text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
              <span className="pl-2">Seed {output.seed}</span>
              <IconButton
                icon="copy"
                label="Copy seed"
                className="size-7"
                onClick={() => void copyText(String(output.seed), say, "Seed copied")}
              />
            </span>
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs"
              onClick={() => {
                reuseSeed(output.seed);
                say(`The composer's seed is now fixed at ${output.seed}`);
              }}
            >
              Reuse seed
            </Button>
          </>
        )}
        <Button
          variant="ghost"
          className="px-2 py-1 text-xs"
          onClick={() => {
            reuseInput(run.input, endpointOf(run).model);
            scrollToComposer();
            say("Prompt, parameters and references are back in the composer");
          }}
        >
          Reuse all parameters
        </Button>
        {output && output.images.length > 1 && (
          <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => selectRun(run.id)}>
            Select this run
          </Button>
        )}
        {passed && (
          <span className="flex items-center gap-1 px-2 text-xs text-zinc-500 dark:text-zinc-400">
            <Icon name="check" className="size-3.5 text-emerald-600 dark:text-emerald-400" />
            Safety check passed
          </span>
        )}
        <p role="status" className="px-2 text-xs text-zinc-600 dark:text-zinc-400">
          {status}
        </p>
        <div className="ml-auto">
          <DeleteRunButton runId={run.id} />
        </div>
      </div>
    </div>
  );
}
