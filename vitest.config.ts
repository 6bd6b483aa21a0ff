import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** Unit tests: pure code, no services. Integration tests have their own config. */
export default defineConfig({
  // lib/server's modules import "server-only", which throws outside the react-server condition:
  // here it is the package's own empty module, as under Next.js and `tsx --conditions=react-server`.
  // Only this package: React keeps its usual build (its react-server build has no hooks).
  resolve: { alias: { "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
  },
});
