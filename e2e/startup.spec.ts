import { expect, test } from "./support/test";
import { spawn } from "node:child_process";

/** Starts the built app with one service pointing at a closed port; collects what it prints. */
function startApp(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["next", "start", "-p", "3197", "-H", "127.0.0.1"], { env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr: stderr.trim() });
    });
  });
}

const relevant = (stderr: string) => stderr.split("\n").filter((line) => !line.startsWith("npm warn"));

test("the app started without PostgreSQL explains in one line and exits non-zero", async () => {
  const { code, stderr } = await startApp({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/helpdesk" });
  expect(code).toBe(1);
  expect(relevant(stderr)).toEqual([expect.stringMatching(/^PostgreSQL is not reachable at postgresql:\/\/postgres@127\.0\.0\.1:1\/helpdesk \(ECONNREFUSED\): start it/)]);
});

test("the app started without Redis explains in one line and exits non-zero", async () => {
  const { code, stderr } = await startApp({ REDIS_URL: "redis://127.0.0.1:1" });
  expect(code).toBe(1);
  expect(relevant(stderr)).toEqual([expect.stringMatching(/^Redis is not reachable at redis:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\): start it/)]);
});

test("npm start without NEXTAUTH_SECRET explains in one line and exits non-zero", async () => {
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn("npm", ["start", "--silent", "--", "-p", "3198", "-H", "127.0.0.1"], { env: { ...process.env, NEXTAUTH_SECRET: "" } });
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (exit) => {
      clearTimeout(timer);
      resolve({ code: exit, stderr: err.trim() });
    });
  });
  expect(code).toBe(1);
  expect(relevant(stderr)).toEqual([expect.stringMatching(/^NEXTAUTH_SECRET is not set: set it to a long random value/)]);
});
