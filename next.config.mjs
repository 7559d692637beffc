/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // sharp is a native addon used by the demo backend; keep it out of the server bundle.
  serverExternalPackages: ["sharp"],
};

export default nextConfig;
