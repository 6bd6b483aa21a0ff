import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** Integration tests against the real PostgreSQL and Redis (never skipped: no service, no pass). */
export default defineConfig({
  // lib/server's modules import "server-only", which throws outside the react-server condition:
  // here it is the package's own empty module, as under Next.js and `tsx --conditions=react-server`.
  // Only this package: React keeps its usual build (its react-server build has no hooks).
  resolve: { alias: { "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) } },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/file-database.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
