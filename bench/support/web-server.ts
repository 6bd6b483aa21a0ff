/**
 * The production app for the HTTP benchmarks (bench:api, bench:queue): built once (`next build`
 * unless .next holds a build, or when asked), then waited for until `/api/health` answers.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

/** Builds the app when .next holds no build (or `force`), with `log` saying so. */
export function ensureBuilt(log: (line: string) => void, force = false): void {
  if (!force && existsSync(".next/BUILD_ID")) return;
  log("building the app (next build) …");
  if (spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } }).status !== 0) throw new Error("next build failed");
}

/** Resolves once the started app answers `/api/health`; throws when it exits or takes over 3 minutes. */
export async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 900; i++) {
    if (server.exitCode !== null) throw new Error(`the app exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the app did not start within 3 minutes");
}
