import type { Metadata } from "next";
import { SignInForm } from "@/components/access/sign-in-form";
import { Card } from "@/components/ui/card";
import { safeNextPath } from "@/lib/access/sign-in";
import { ENDPOINT_APP } from "@/lib/endpoint";

// Rendered per request: the page depends on where the visitor was going (and the nonce).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in · HiDream Edit Playground" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await searchParams;
  return (
    <main className="grid min-h-dvh place-items-center px-4 py-10">
      <Card aria-labelledby="sign-in-title" className="w-full max-w-sm p-6 sm:p-8">
        <h1 id="sign-in-title" className="text-xl font-semibold tracking-tight">
          HiDream Edit Playground
        </h1>
        <p className="mt-0.5 font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">
          {ENDPOINT_APP} · Dev and Full
        </p>
        <p className="mt-5 mb-4 text-sm text-zinc-600 dark:text-zinc-300">
          This playground is private. Enter the password you were given.
        </p>
        <SignInForm next={safeNextPath(Array.isArray(next) ? next[0] : next)} />
      </Card>
    </main>
  );
}
