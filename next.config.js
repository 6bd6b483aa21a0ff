/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only packages used by route handlers and instrumentation stay out of the bundle.
  serverExternalPackages: ["pg", "ioredis", "bullmq", "@prisma/adapter-pg"],
  experimental: {
    // Portal and agent forms may carry files (issue 16): 10 files of 20 MB by default, plus the text.
    // Next.js holds a server action's body in memory up to these limits; the REST API streams instead.
    serverActions: { bodySizeLimit: "205mb" },
    proxyClientMaxBodySize: "205mb",
  },
};

export default nextConfig;
