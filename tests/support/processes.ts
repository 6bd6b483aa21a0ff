/** Real processes for tests: the SLA timer, background and mail intake workers, and a Redis server of the test's own. */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function track(child: ChildProcess): RunningProcess {
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    async waitFor(pattern, timeoutMs = 20_000) {
      const started = Date.now();
      while (!pattern.test(output)) {
        if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before printing ${pattern}:\n${output}`);
        if (Date.now() - started > timeoutMs) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export function startSlaTimerWorker(env: Record<string, string> = {}): RunningProcess {
  return track(spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "workers/sla-timers.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] }));
}

/** The background worker (system and reports queues, notification delivery, the on-call sweep): workers/background.ts. */
export function startBackgroundWorker(env: Record<string, string> = {}): RunningProcess {
  return track(spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "workers/background.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] }));
}

export function startMailIntakeWorker(env: Record<string, string> = {}): RunningProcess {
  return track(spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "workers/mail-intake.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] }));
}

/** Runs a command to its end and returns its standard output; rejects with its output when it fails. */
export function runToEnd(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { timeout: 30_000 }, (error, stdout, stderr) => (error ? reject(new Error(`${command} ${args.join(" ")}: ${error.message}\n${stdout}${stderr}`)) : resolve(stdout))),
  );
}

/** A loopback port free at this moment, for a server the test starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * A throw-away redis-server on loopback, so a test may FLUSHALL without touching anyone else's
 * data. restart() stops it and starts a new one on the same port: empty (nothing is saved), as a
 * Redis that lost its memory.
 */
export async function startPrivateRedis(): Promise<{ url: string; stop(): Promise<number | null>; restart(): Promise<void> }> {
  const port = await freePort();
  const launch = async () => {
    const server = track(
      spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--maxmemory-policy", "noeviction"], { stdio: ["ignore", "pipe", "pipe"] }),
    );
    await server.waitFor(/Ready to accept connections/, 10_000);
    return server;
  };
  let server = await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => server.stop("SIGTERM"),
    async restart() {
      await server.stop("SIGTERM");
      server = await launch();
    },
  };
}
