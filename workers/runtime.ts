/**
 * What every worker process shares: the start-up checks, one Prisma pool and Redis connections,
 * BullMQ workers that dispatch by job name to the registry, repeating jobs scheduled, and a
 * graceful stop on SIGINT/SIGTERM (the job in hand is finished; BullMQ's stalled-job check hands
 * a killed worker's job to another after its lock expires).
 */
import { hostname } from "node:os";
import { Queue, Worker, type Processor, type WorkerOptions } from "bullmq";
import type { RedisClient } from "../lib/server/redis";
import { preflight } from "../lib/server/preflight";
import { createRedis, redisPrefix } from "../lib/server/redis";
import { createPrisma } from "../lib/server/db/prisma";
import type { PrismaClient } from "../lib/generated/prisma/client";
import type { QueueName } from "../lib/server/jobs/queues";
import { jobsOf, type JobContext } from "../lib/server/jobs/registry";
import { runScript } from "../scripts/run-script";

export interface WorkerRuntime {
  prisma: PrismaClient;
  prefix: string;
  workerId: string;
  /** For short commands. */
  redis: RedisClient;
  queue(name: QueueName): Queue;
  /**
   * BullMQ workers for `name`, running the registry's jobs of that queue; `extras` joins their
   * context (e.g. the SLA timer process's batched recorder). `instances`
   * workers (default 1) fetch side by side: a BullMQ worker fetches one job per round trip, so one
   * worker cannot take more jobs a second than round trips fit in a second. They share one
   * auto-pipelined connection for commands; each has its own for blocking waits.
   */
  work(name: QueueName, options: Omit<WorkerOptions, "connection" | "prefix"> & { instances?: number }, extras?: Pick<JobContext, "recordSlaTimer">): Promise<Worker[]>;
  /** Runs, once and in order, the registry's jobs of `name` that run at start-up (after `work`). */
  runAtStartUp(name: QueueName): Promise<void>;
  onStop(fn: () => Promise<void>): void;
}

export function runWorkerProcess(label: string, start: (rt: WorkerRuntime) => Promise<void>): void {
  runScript(async () => {
    await preflight({ postgres: "database", redis: true });
    const prefix = redisPrefix();
    const workerId = `${label}@${hostname()}:${process.pid}`;
    const connection = createRedis();
    const redis = createRedis();
    const prisma = createPrisma();
    const queues = new Map<QueueName, Queue>();
    const workers: Worker[] = [];
    /** Connections the BullMQ workers share; BullMQ leaves a connection it was given open. */
    const workerConnections: RedisClient[] = [];
    const stops: Array<() => Promise<void>> = [];
    const contexts = new Map<QueueName, JobContext>();
    /** The queues worked here, and those whose start-up jobs ran: both are done again when Redis comes back. */
    const worked = new Set<QueueName>();
    const startedUp = new Set<QueueName>();
    const scheduleRepeats = async (name: QueueName) => {
      for (const d of jobsOf(name)) {
        const repeat = d.everyMs ? { every: d.everyMs } : d.cron ? { pattern: d.cron.pattern, tz: d.cron.tz } : null;
        if (repeat) await queue(name).upsertJobScheduler(d.name, repeat, { name: d.name, data: {}, opts: d.options });
      }
    };
    const runStartUpJobs = async (name: QueueName) => {
      const ctx = contexts.get(name) ?? { prisma, redis, prefix, workerId, queue: queue(name) };
      for (const d of jobsOf(name)) if (d.atStartUp !== undefined) await d.handle(d.schema.parse(d.atStartUp), ctx);
    };
    const queue = (name: QueueName) => {
      let q = queues.get(name);
      if (!q) {
        q = new Queue(name, { connection, prefix });
        queues.set(name, q);
      }
      return q;
    };

    const rt: WorkerRuntime = {
      prisma,
      prefix,
      workerId,
      redis,
      queue,
      async work(name, options, extras = {}) {
        const definitions = jobsOf(name);
        await scheduleRepeats(name);
        worked.add(name);
        const ctx: JobContext = { prisma, redis, prefix, workerId, queue: queue(name), ...extras };
        contexts.set(name, ctx);
        const processor: Processor = async (job, token) => {
          const definition = definitions.find((d) => d.name === job.name);
          if (!definition) throw new Error(`No handler for job "${job.name}" on queue ${name}`);
          return definition.handle(definition.schema.parse(job.data), { ...ctx, job, token });
        };
        const { instances = 1, ...workerOptions } = options;
        // The instances share one connection for their commands (each has its own for blocking
        // waits), and the commands they send in one turn of the event loop go in one write.
        const commands = createRedis({ enableAutoPipelining: true });
        workerConnections.push(commands);
        const started = Array.from({ length: instances }, () => {
          const worker = new Worker(name, processor, { ...workerOptions, connection: commands, prefix });
          worker.on("failed", (job, error) => console.error(`[${label}] ${job?.name ?? "job"} ${job?.id ?? ""} failed: ${error.message}`));
          worker.on("error", (error) => console.error(`[${label}] worker error: ${error.message}`));
          return worker;
        });
        workers.push(...started);
        return started;
      },
      async runAtStartUp(name) {
        await runStartUpJobs(name);
        startedUp.add(name);
      },
      onStop: (fn) => stops.push(fn),
    };

    await start(rt);
    // Redis back after it went away: it may have restarted empty, with every repeating job's
    // schedule and every timer gone (ioredis and BullMQ reconnect by themselves, but nothing would
    // ever put those back). So the schedules are made again and the start-up jobs run again (the
    // reconcile pass re-creates lost timers and records what came due). Both are idempotent, so a
    // mere network blip costs one extra pass. tests/integration/faults.test.ts restarts Redis empty.
    let restoring = false;
    let lostRedis = false;
    let stopping = false;
    redis.on("close", () => (lostRedis = true));
    redis.on("ready", () => {
      if (!lostRedis || restoring) return;
      lostRedis = false;
      restoring = true;
      void (async () => {
        // Until it succeeds (PostgreSQL may be away too), unless Redis goes away again meanwhile.
        while (!stopping && !lostRedis) {
          try {
            for (const name of worked) await scheduleRepeats(name);
            for (const name of startedUp) await runStartUpJobs(name);
            console.log(`[${label}] Redis is back: repeating jobs scheduled again, start-up jobs run again`);
            break;
          } catch (error) {
            console.error(`[${label}] Redis is back, restoring failed, trying again in 2 s: ${error instanceof Error ? error.message : String(error)}`);
            await new Promise((r) => setTimeout(r, 2000));
          }
        }
        restoring = false;
      })();
    });
    console.log(`[${label}] ${workerId} running (Redis prefix "${prefix}")`);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        stopping = true;
        console.log(`[${label}] ${signal}: finishing the work in hand, then stopping`);
        resolve();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    // Jobs in hand finish first: what they use (pools, the relay) stops after them.
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all(stops.map((fn) => fn()));
    await Promise.all([...queues.values()].map((q) => q.close()));
    await prisma.$disconnect();
    connection.disconnect();
    redis.disconnect();
    for (const c of workerConnections) c.disconnect();
  });
}

/** BullMQ loses jobs if Redis may evict keys: say so at start-up. */
export async function warnUnlessNoEviction(redis: RedisClient, label: string): Promise<void> {
  try {
    const reply = (await redis.config("GET", "maxmemory-policy")) as string[];
    const policy = reply[1];
    if (policy !== "noeviction") {
      console.warn(`[${label}] WARNING: Redis maxmemory-policy is "${policy}"; set it to "noeviction" or SLA timers can be evicted (the reconciler re-creates them within a minute).`);
    }
  } catch {
    console.warn(`[${label}] WARNING: could not read Redis maxmemory-policy (CONFIG is disabled?); it must be "noeviction".`);
  }
}
