/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only packages used by route handlers and instrumentation stay out of the bundle.
  serverExternalPackages: ["pg", "ioredis", "bullmq", "@prisma/adapter-pg"],
};

export default nextConfig;
