const code = "rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900";

/** Live mode with neither a password nor the public opt-in: says why every run is refused. */
export function ClosedBanner() {
  return (
    <div
      role="note"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-200"
    >
      <span className="rounded-full bg-red-600 px-2 py-0.5 text-xs font-bold tracking-wide text-white uppercase">
        Runs refused
      </span>
      <span>
        This deployment has a fal key but no access password, so runs are refused. Set{" "}
        <code className={code}>ACCESS_PASSWORD</code> (or{" "}
        <code className={code}>ALLOW_PUBLIC_ACCESS=true</code>) and redeploy. See{" "}
        <a href="/setup" className="font-medium underline underline-offset-2">
          /setup
        </a>
        .
      </span>
    </div>
  );
}
