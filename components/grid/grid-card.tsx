"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatUsd } from "@/lib/endpoint";
import { showsRun, type StarFilter } from "@/lib/gallery/star-filter";
import { isUnfinished } from "@/lib/history/run-record";
import { usePlayground } from "@/lib/store/playground-store";
import type { Run } from "@/lib/store/runs";
import { GridCell } from "./grid-cell";
import { spentUsd } from "./spent-usd";

const GridCompare = dynamic(() => import("./grid-compare").then((m) => m.GridCompare), {
  ssr: false,
});

/**
 * A variation grid's results, rows × columns by the axes that were varied. Pick two cells to
 * compare them; a Dev cell can be finished on Full with the same seed, prompt and references.
 * With "Starred only", the other cells keep their place, empty, so the axes still read.
 */
export function GridCard({ cells, filter }: { cells: Run[]; filter: StarFilter }) {
  const cancelGrid = usePlayground((s) => s.cancelGrid);
  const [picked, setPicked] = useState<string[]>([]);
  const grid = cells[0]!.grid!;
  const at = (row: number, col: number) =>
    cells.find((run) => run.grid!.row === row && run.grid!.col === col);
  const label = (run: Run) =>
    [grid.rows[run.grid!.row], grid.cols[run.grid!.col]].filter(Boolean).join(" · ") || "Cell";
  const done = cells.filter((run) => run.phase === "completed").length;
  const open = cells.filter(isUnfinished).length;
  const spent = cells.reduce((sum, run) => sum + spentUsd(run), 0);
  const pick = (id: string) =>
    setPicked((list) =>
      list.includes(id) ? list.filter((p) => p !== id) : [...list, id].slice(-2),
    );
  const comparing = picked.length === 2 ? picked.map((id) => cells.find((r) => r.id === id)!) : [];

  return (
    <Card aria-label={`Variation grid: ${cells.length} cells`} className="flex flex-col gap-3 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">Variation grid</h3>
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          {done} of {cells.length} done · {formatUsd(spent)} spent
        </span>
        <span className="ml-auto flex gap-1">
          {open > 0 && (
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs"
              onClick={() => void cancelGrid(grid.id)}
            >
              Cancel all ({open})
            </Button>
          )}
        </span>
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
        {picked.length === 0
          ? "Select two finished cells to compare them."
          : picked.length === 1
            ? "Select one more cell to compare."
            : "Comparing the two cells you selected."}
      </p>
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-1.5 text-xs">
          <thead>
            <tr>
              <th scope="col" className="sr-only">
                Row
              </th>
              {grid.cols.map((col, c) => (
                <th
                  key={c}
                  scope="col"
                  className="min-w-28 px-1 text-left align-bottom font-medium text-zinc-600 dark:text-zinc-300"
                >
                  {col || "Cell"}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row, r) => (
              <tr key={r}>
                <th
                  scope="row"
                  className="max-w-36 px-1 text-left align-top font-medium text-zinc-600 dark:text-zinc-300"
                >
                  {row || "—"}
                </th>
                {grid.cols.map((_, c) => {
                  const run = at(r, c);
                  return (
                    <td key={c} className="align-top">
                      {run && !showsRun(run, filter) ? (
                        <span className="block p-2 text-zinc-400">Not starred</span>
                      ) : run ? (
                        <GridCell
                          run={run}
                          label={label(run)}
                          picked={picked.includes(run.id)}
                          onPick={() => pick(run.id)}
                        />
                      ) : (
                        <span className="block p-2 text-zinc-400">Not run</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {comparing.length === 2 && (
        <GridCompare
          before={comparing[0]!}
          after={comparing[1]!}
          labels={[label(comparing[0]!), label(comparing[1]!)]}
          onClose={() => setPicked([])}
        />
      )}
    </Card>
  );
}
