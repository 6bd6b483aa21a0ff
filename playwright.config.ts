import { defineConfig, devices } from "@playwright/test";
import { TIME_ZONE } from "./lib/config/time-zone";

/**
 * The browser suite, run by `npm run test:e2e` (scripts/test-e2e.ts prepares a database of its
 * own and builds the app first). Drives Debian's Chromium: Playwright's own browser download is
 * not reachable here.
 */
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    locale: "nb-NO",
    timezoneId: TIME_ZONE,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    command: `node scripts/start.mjs -p ${port} -H 127.0.0.1`,
    // Next.js sets the react-server condition per layer itself; the runner's own (scripts/test-e2e.ts) must not leak in.
    env: { NODE_OPTIONS: (process.env.NODE_OPTIONS ?? "").replace("--conditions=react-server", "").trim() },
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
