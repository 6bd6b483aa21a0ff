import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Every module under lib/server starts with `import "server-only"`, so a client component that
 * imports one (and with it database access, secrets or the session) fails the build instead of
 * shipping it to the browser. Tests and type declarations are not modules the app bundles.
 */
const root = fileURLToPath(new URL(".", import.meta.url));

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return modules(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("server-only", () => {
  it("is the first import of every module under lib/server", () => {
    const files = modules(root);
    expect(files.length).toBeGreaterThan(100);
    const missing = files.filter((file) => !readFileSync(file, "utf8").startsWith('import "server-only";\n'));
    expect(missing.map((file) => relative(root, file))).toEqual([]);
  });
});
