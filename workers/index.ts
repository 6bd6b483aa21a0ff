/**
 * npm run workers: the BullMQ worker processes. Thin: each queue's worker looks up the job's
 * definition in the registry, parses the payload again and calls its handler. The outbox relay
 * runs here too, moving timer work from PostgreSQL to the SLA timer queue.
 */
import { hostname } from "node:os";
import { Queue, Worker } from "bullmq";
import { preflight } from "../lib/server/preflight";
import { createRedis, redisPrefix } from "../lib/server/redis";
import { createPrisma } from "../lib/server/db/prisma";
import { QUEUES } from "../lib/server/jobs/queues";
import { AUTO_CLOSE_EVERY_MS, HEARTBEAT_EVERY_MS, autoCloseJob, heartbeatJob, jobsOf } from "../lib/server/jobs/registry";
import { startOutboxRelay } from "../lib/server/outbox/relay-loop";
import { relayQueues } from "../lib/server/outbox/relay";
import { runScript } from "../scripts/run-script";

runScript(async () => {
  await preflight({ postgres: "database", redis: true });
  const prefix = redisPrefix();
  const workerId = `${hostname()}:${process.pid}`;
  const connection = createRedis();
  const commands = createRedis();
  const prisma = createPrisma();

  const systemQueue = new Queue(QUEUES.system, { connection, prefix });
  await systemQueue.upsertJobScheduler("heartbeat", { every: HEARTBEAT_EVERY_MS }, { name: heartbeatJob.name, data: {}, opts: heartbeatJob.options });
  await systemQueue.upsertJobScheduler("auto-close", { every: AUTO_CLOSE_EVERY_MS }, { name: autoCloseJob.name, data: {}, opts: autoCloseJob.options });

  const definitions = jobsOf(QUEUES.system);
  const worker = new Worker(
    QUEUES.system,
    async (job) => {
      const definition = definitions.find((d) => d.name === job.name);
      if (!definition) throw new Error(`No handler for job "${job.name}" on queue ${QUEUES.system}`);
      await definition.handle(definition.schema.parse(job.data), { prisma, redis: commands, prefix, workerId });
    },
    { connection, prefix, concurrency: 1 },
  );
  worker.on("failed", (job, error) => console.error(`[workers] ${job?.name ?? "job"} failed: ${error.message}`));
  const queues = relayQueues((name) => new Queue(name, { connection, prefix }));
  const relay = startOutboxRelay({ prisma, queues });
  await heartbeatJob.handle({}, { prisma, redis: commands, prefix, workerId });
  console.log(`[workers] ${workerId} processing queue "${QUEUES.system}" and relaying the outbox (Redis prefix "${prefix}")`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`[workers] ${signal}: finishing the work in hand, then stopping`);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await Promise.all([worker.close(), relay.stop()]);
  await Promise.all([systemQueue.close(), queues.close()]);
  await prisma.$disconnect();
  connection.disconnect();
  commands.disconnect();
});
