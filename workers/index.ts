/**
 * npm run workers: starts the worker processes — SLA timers in a process of their own, the
 * background work, and the mail intake (IMAP) — and stops them all when one stops or on Ctrl-C,
 * so a supervisor (systemd, a container runtime, npm run demo) can restart them as one.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { preflight } from "../lib/server/preflight";
import { runScript } from "../scripts/run-script";

const PROCESSES = ["workers/sla-timers.ts", "workers/background.ts", "workers/mail-intake.ts"];

runScript(async () => {
  // Checked once here, so a missing service is one line, not one per process.
  await preflight({ postgres: "database", redis: true });
  const children: ChildProcess[] = PROCESSES.map((entry) => spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", entry], { stdio: "inherit" }));
  let stopping = false;
  let exitCode = 0;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  };
  process.on("SIGINT", () => stopAll("SIGINT"));
  process.on("SIGTERM", () => stopAll("SIGTERM"));
  await new Promise<void>((resolve) => {
    let running = children.length;
    for (const child of children) {
      child.on("exit", (code) => {
        if (!stopping) {
          exitCode = code ?? 1;
          stopAll("SIGTERM");
        }
        if (--running === 0) resolve();
      });
    }
  });
  if (exitCode !== 0) throw new Error(`a worker process stopped unexpectedly (exit code ${exitCode})`);
});
