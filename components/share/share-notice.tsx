import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { ShareFooter } from "./share-footer";
import { ShareIcon, type ShareIconName } from "./share-icons";

/**
 * A share link's page when there is nothing to review (yet): unknown, gone, passcode, store
 * down. One calm card, the app's look, none of the playground around it.
 */
export function ShareNotice({
  icon,
  title,
  children,
}: {
  icon: ShareIconName;
  title: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <main className="grid flex-1 place-items-center px-4 py-10">
        <Card aria-labelledby="share-notice-title" className="w-full max-w-md p-6 sm:p-8">
          <span className="mb-4 inline-grid size-10 place-items-center rounded-full bg-accent-100 text-accent-700 dark:bg-accent-700/25 dark:text-accent-100">
            <ShareIcon name={icon} className="size-5" />
          </span>
          <h1 id="share-notice-title" className="text-xl font-semibold tracking-tight text-balance">
            {title}
          </h1>
          <div className="mt-2 flex flex-col gap-3 text-sm text-zinc-600 dark:text-zinc-300">
            {children}
          </div>
        </Card>
      </main>
      <ShareFooter />
    </div>
  );
}
