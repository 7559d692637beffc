/** The one trace of the app on a client's page: no links into the playground. */
export function ShareFooter() {
  return (
    <footer className="flex items-center justify-center gap-2 px-4 py-8 text-xs text-zinc-500 dark:text-zinc-400">
      {/* eslint-disable-next-line @next/next/no-img-element -- a 16-px static SVG */}
      <img src="/icon.svg" alt="" width={16} height={16} className="size-4 rounded" />
      Shared with HiDream Edit Playground
    </footer>
  );
}
