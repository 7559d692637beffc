import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { CheckRow } from "@/components/setup/check-row";
import { ChecksHeadline } from "@/components/setup/checks-headline";
import { Card } from "@/components/ui/card";
import { serverEnv } from "@/lib/server-env";
import { checksHeadline, setupChecks } from "@/lib/setup/checks";

// The rows describe the server's environment and its Redis right now, never a build-time copy.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Setup check · HiDream Edit Playground" };

export default async function SetupPage() {
  const checks = await setupChecks(serverEnv(), { request: await headers() });
  return (
    <div className="mx-auto flex min-h-dvh max-w-3xl flex-col gap-5 px-4 py-5 sm:px-6 lg:py-8">
      <header className="flex flex-col gap-3">
        <Link
          href="/"
          className="self-start text-sm font-medium text-accent-700 hover:underline dark:text-accent-400"
        >
          ← Back to the playground
        </Link>
        <h1 className="text-xl font-semibold tracking-tight">Setup check</h1>
        <ChecksHeadline checks={checks} text={checksHeadline(checks)} />
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          What this deployment is set to, and what to change before you share it. The same table is
          printed to the server log at start-up.
        </p>
      </header>
      <main>
        <Card>
          <ul aria-label="Setup checks" className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {checks.map((check) => (
              <CheckRow key={check.id} check={check} />
            ))}
          </ul>
        </Card>
      </main>
    </div>
  );
}
