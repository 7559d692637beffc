import type { LogLine } from "@/lib/store/runs";

const STEP = /Step (\d+)\/(\d+)/;

/** Progress as a fraction from the newest "Step i/N" log line, when the logs reveal steps. */
export function progressFromLogs(logs: LogLine[]): { step: number; total: number } | undefined {
  for (let i = logs.length - 1; i >= 0; i--) {
    const match = logs[i]!.message.match(STEP);
    if (match) return { step: Number(match[1]), total: Number(match[2]) };
  }
  return undefined;
}
