import { defineConfig } from "vitest/config";

/** Unit tests: pure code, no services. Integration tests have their own config. */
export default defineConfig({
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
  },
});
