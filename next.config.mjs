import securityHeaders from "./lib/security/security-headers.json" with { type: "json" };

// The test suite's build (scripts/build-with-canary.ts) runs right after `npm run typecheck`, so it
// skips Next's second type check; on CI its filesystem cache is written for a clone that is thrown
// away. Other builds (yours, Vercel's) keep both.
const testBuild = process.env.TEST_BUILD === "1";
const alwaysHeaders = Object.entries(securityHeaders).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A separate build folder lets a benchmark build and serve without touching the main one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The first-load bench names the modules in each chunk from its source map; only its own
  // build (bench/next-app.ts) asks for them, so the app never serves its sources.
  productionBrowserSourceMaps: process.env.NEXT_BROWSER_SOURCE_MAPS === "1",
  // `next dev` blocks its own scripts for any host but localhost; 127.0.0.1 is the same machine.
  allowedDevOrigins: ["127.0.0.1"],
  // sharp is a native addon used by the demo backend; keep it out of the server bundle.
  serverExternalPackages: ["sharp"],
  typescript: { ignoreBuildErrors: testBuild },
  experimental: { turbopackFileSystemCacheForBuild: !(testBuild && process.env.CI) },
  // "server-only" keeps the key's modules out of browser bundles. On Node it is an empty module,
  // as Next makes it for App Router code (the react-server condition) but not for Pages API
  // routes, where the fal proxy runs (pages/api/fal/proxy.ts): there Next would load the package
  // at run time, unbundled, and its default export throws. So it is bundled, with the alias.
  // Browser bundles still get the real one, and Next still refuses to build a Client Component
  // that imports it (tests/integration/server-only-guard.test.ts builds one).
  transpilePackages: ["server-only"],
  turbopack: {
    resolveAlias: { "server-only": { node: "next/dist/compiled/server-only/empty" } },
  },
  // API routes skip proxy.ts (which sets these on pages): a status poll then costs no request
  // proxy, and its answers still cannot be sniffed or framed. An API answer is never a page:
  // whatever one holds (a demo file, an error page), opened as one it may load and run nothing.
  // Built chunks cannot be sniffed either.
  headers: async () => [
    {
      source: "/api/:path*",
      headers: [
        ...alwaysHeaders,
        {
          key: "Content-Security-Policy",
          value: "default-src 'none'; frame-ancestors 'none'; sandbox",
        },
      ],
    },
    // Only what a script or stylesheet can use: each header is paid on every chunk of a first load.
    {
      source: "/_next/static/:path*",
      headers: [
        { key: "X-Content-Type-Options", value: securityHeaders["X-Content-Type-Options"] },
      ],
    },
  ],
};

export default nextConfig;
