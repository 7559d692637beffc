import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: "HiDream Edit Playground",
  description:
    "Edit images with HiDream-O1-Image on fal: reference images, every parameter, live queue and logs.",
  // Named, or browsers ask for /favicon.ico and log a 404 on every page.
  icons: { icon: "/icon.svg" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: proxy.ts gives each response a fresh CSP nonce, which Next
  // can only put on its scripts while rendering (a page built ahead of time could not run).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
