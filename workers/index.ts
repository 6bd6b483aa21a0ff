/**
 * npm run workers: the BullMQ worker processes. Thin: each queue's worker looks up the job's
 * definition in the registry, parses the payload again and calls its handler.
 */
import { hostname } from "node:os";
import { Queue, Worker } from "bullmq";
import { preflight } from "../lib/server/preflight";
import { createRedis, redisPrefix } from "../lib/server/redis";
import { QUEUES } from "../lib/server/jobs/queues";
import { HEARTBEAT_EVERY_MS, heartbeatJob, jobsOf } from "../lib/server/jobs/registry";
import { runScript } from "../scripts/run-script";

runScript(async () => {
  await preflight({ postgres: "database", redis: true });
  const prefix = redisPrefix();
  const workerId = `${hostname()}:${process.pid}`;
  const connection = createRedis();
  const commands = createRedis();

  const systemQueue = new Queue(QUEUES.system, { connection, prefix });
  await systemQueue.upsertJobScheduler(
    "heartbeat",
    { every: HEARTBEAT_EVERY_MS },
    { name: heartbeatJob.name, data: {}, opts: heartbeatJob.options },
  );

  const definitions = jobsOf(QUEUES.system);
  const worker = new Worker(
    QUEUES.system,
    async (job) => {
      const definition = definitions.find((d) => d.name === job.name);
      if (!definition) throw new Error(`No handler for job "${job.name}" on queue ${QUEUES.system}`);
      await definition.handle(definition.schema.parse(job.data), { redis: commands, prefix, workerId });
    },
    { connection, prefix, concurrency: 1 },
  );
  worker.on("failed", (job, error) => console.error(`[workers] ${job?.name ?? "job"} failed: ${error.message}`));
  await heartbeatJob.handle({}, { redis: commands, prefix, workerId });
  console.log(`[workers] ${workerId} processing queue "${QUEUES.system}" (Redis prefix "${prefix}")`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`[workers] ${signal}: finishing the job in hand, then stopping`);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await worker.close();
  await systemQueue.close();
  connection.disconnect();
  commands.disconnect();
});
