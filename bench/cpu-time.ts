/**
 * CPU seconds spent by Chromium's threads and by a server's processes between two readings, from
 * /proc (Linux only; elsewhere every reading is empty and the bench prints no CPU table). A bench
 * reads before and after what it measures, so a reader sees where the cores went: the page's own
 * thread, the preparation workers, Chromium's pools (image decoding, raster), and the server.
 */
import { readdir, readFile } from "node:fs/promises";

export const CPU_PARTS = [
  "page thread",
  "workers",
  "Chromium pools",
  "other Chromium",
  "server",
] as const;
export type CpuPart = (typeof CPU_PARTS)[number];
export type CpuReading = Partial<Record<CpuPart, number>>;

const TICKS_PER_SECOND = 100;

/** utime + stime in seconds, and the name, from a /proc/…/stat file; undefined when it is gone. */
async function statOf(
  file: string,
): Promise<{ name: string; group: number; cpu: number } | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (!text) return undefined;
  // The name is in parentheses and may hold spaces; the fields after it are space-separated.
  const close = text.lastIndexOf(")");
  const name = text.slice(text.indexOf("(") + 1, close);
  const fields = text.slice(close + 2).split(" ");
  return {
    name,
    group: Number(fields[2]),
    cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
  };
}

/** The part of Chromium a renderer thread belongs to, by its name (Linux truncates it to 15). */
function rendererPart(name: string, isMain: boolean): CpuPart {
  if (isMain) return "page thread";
  if (name.startsWith("DedicatedWorker")) return "workers";
  if (name.startsWith("ThreadPool")) return "Chromium pools";
  return "other Chromium";
}

/**
 * CPU seconds so far of Chromium's processes (`browserPids`, from CDP SystemInfo.getProcessInfo,
 * with their types) by part, and of every process in the server's process group.
 */
export async function readCpu(
  browserProcesses: readonly { id: number; type: string }[],
  serverGroup: number | undefined,
): Promise<CpuReading> {
  if (process.platform !== "linux") return {};
  const reading: CpuReading = {};
  const add = (part: CpuPart, seconds: number) => (reading[part] = (reading[part] ?? 0) + seconds);
  for (const { id, type } of browserProcesses) {
    if (type !== "renderer") {
      const stat = await statOf(`/proc/${id}/stat`);
      if (stat) add("other Chromium", stat.cpu);
      continue;
    }
    const tids = await readdir(`/proc/${id}/task`).catch(() => [] as string[]);
    for (const tid of tids) {
      const stat = await statOf(`/proc/${id}/task/${tid}/stat`);
      if (stat) add(rendererPart(stat.name, Number(tid) === id), stat.cpu);
    }
  }
  if (serverGroup !== undefined) {
    const pids = (await readdir("/proc").catch(() => [] as string[])).filter((p) =>
      /^\d+$/.test(p),
    );
    for (const pid of pids) {
      const stat = await statOf(`/proc/${pid}/stat`);
      if (stat?.group === serverGroup) add("server", stat.cpu);
    }
  }
  return reading;
}

/** What was spent between two readings, by part. */
export function cpuSpent(before: CpuReading, after: CpuReading): CpuReading {
  return Object.fromEntries(
    CPU_PARTS.filter((part) => after[part] !== undefined).map((part) => [
      part,
      after[part]! - (before[part] ?? 0),
    ]),
  );
}
