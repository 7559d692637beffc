/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A separate build folder lets a benchmark build and serve without touching the main one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // sharp is a native addon used by the demo backend; keep it out of the server bundle.
  serverExternalPackages: ["sharp"],
};

export default nextConfig;
