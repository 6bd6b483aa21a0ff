import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "lib/generated/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { paths: [{ name: "@prisma/client", message: "Import the generated client from lib/generated/prisma via lib/server/db." }] }],
    },
  },
  {
    // Plain Node scripts.
    files: ["**/*.mjs"],
    languageOptions: { globals: { console: "readonly", process: "readonly" } },
  },
  {
    // The SLA domain is pure: no framework, database or queue.
    files: ["lib/sla/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "react", "@prisma/*", "bullmq", "ioredis", "pg", "*/server/*", "*/generated/*"] }],
    },
  },
  {
    // Import boundaries (README, "Tests"): eslint-plugin-import-x resolves through tsconfig's "@/*"
    // paths, so an alias and a relative path are the same file to these rules.
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/parsers": importX.flatConfigs.typescript.settings["import-x/parsers"],
      "import-x/extensions": importX.flatConfigs.typescript.settings["import-x/extensions"],
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./components", from: "./app", message: "Components are used by app/, never the other way round." },
            { target: "./lib", from: ["./app", "./components"], message: "lib/ knows nothing of pages and components." },
            { target: "./lib/sla", from: ["./lib/server", "./lib/generated", "./lib/config"], message: "The SLA domain is pure: no server code." },
          ],
        },
      ],
    },
  },
);
