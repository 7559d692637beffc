import { ClosedBanner } from "@/components/access/closed-banner";
import { SignOutButton } from "@/components/access/sign-out-button";
import { Composer } from "@/components/composer/composer";
import { ModeBanner } from "@/components/mode-banner";
import { PresenterRoot } from "@/components/presenter/presenter-root";
import { GalleryViews } from "@/components/runs/gallery-views";
import { StoreHydration } from "@/components/store-hydration";
import { ENDPOINT_APP } from "@/lib/endpoint";
import { accessPolicy, modeOf, serverEnv } from "@/lib/server-env";
import { shareAvailability } from "@/lib/shares/availability";

// The mode depends on the server's environment at request time, not at build time.
export const dynamic = "force-dynamic";

export default function PlaygroundPage() {
  const env = serverEnv();
  const mode = modeOf(env);
  const access = accessPolicy(env);
  const limited = env.limits.runsPerMinute !== null || env.limits.dailyBudgetUsd !== null;
  return (
    <div className="mx-auto flex min-h-dvh max-w-7xl flex-col gap-5 px-4 py-5 sm:px-6 lg:py-8">
      {access === "closed" && <ClosedBanner />}
      <header className="flex flex-wrap items-start justify-between gap-3 sm:items-center">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">HiDream Edit Playground</h1>
          <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
            {ENDPOINT_APP} · Dev and Full
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {mode === "live" && <ModeBanner mode={mode} />}
          <nav aria-label="Playground" className="flex items-center gap-1">
            {/* A plain link: next/link's router and prefetch cost ~50 ms of hydration here
                (npm run bench, history-load), for a page visited once. */}
            <a
              href="/setup"
              className="rounded-lg px-2.5 py-1.5 text-sm font-medium text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            >
              Setup
            </a>
            {access === "password" && <SignOutButton />}
          </nav>
        </div>
      </header>
      {mode === "demo" && <ModeBanner mode={mode} />}
      <StoreHydration />
      <PresenterRoot />
      <main className="grid flex-1 items-start gap-5 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <Composer limited={limited} />
        <GalleryViews sharing={shareAvailability(env)} />
      </main>
    </div>
  );
}
