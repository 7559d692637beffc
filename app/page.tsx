import { Composer } from "@/components/composer/composer";
import { ModeBanner } from "@/components/mode-banner";
import { RunList } from "@/components/runs/run-list";
import { StoreHydration } from "@/components/store-hydration";
import { ENDPOINT_ID } from "@/lib/endpoint";
import { modeOf, serverEnv } from "@/lib/proxy/server-env";

// The mode depends on the server's environment at request time, not at build time.
export const dynamic = "force-dynamic";

export default function PlaygroundPage() {
  const mode = modeOf(serverEnv());
  return (
    <div className="mx-auto flex min-h-dvh max-w-7xl flex-col gap-5 px-4 py-5 sm:px-6 lg:py-8">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">HiDream Edit Playground</h1>
          <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{ENDPOINT_ID}</p>
        </div>
        {mode === "live" && <ModeBanner mode={mode} />}
      </header>
      {mode === "demo" && <ModeBanner mode={mode} />}
      <StoreHydration />
      <main className="grid flex-1 items-start gap-5 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <Composer />
        <RunList />
      </main>
    </div>
  );
}
