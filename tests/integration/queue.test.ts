import { afterAll, describe, expect, it } from "vitest";
import { Queue, QueueEvents, Worker } from "bullmq";
import { createRedis, redisPrefix } from "../../lib/server/redis";
import { createPrisma } from "../../lib/server/db/prisma";
import { QUEUES } from "../../lib/server/jobs/queues";
import { heartbeatJob, jobsOf } from "../../lib/server/jobs/registry";
import { WORKER_HEARTBEAT_KEY } from "../../lib/server/health-keys";

describe("BullMQ on the run's own Redis prefix", () => {
  const connection = createRedis();
  const commands = createRedis();
  const prisma = createPrisma();
  afterAll(async () => {
    connection.disconnect();
    commands.disconnect();
    await prisma.$disconnect();
  });

  it("a heartbeat job goes through the queue to a worker, which records it for /api/health", async () => {
    const prefix = redisPrefix();
    expect(prefix).toMatch(/^hd-test-/);
    const queue = new Queue(QUEUES.system, { connection, prefix });
    const events = new QueueEvents(QUEUES.system, { connection: createRedis(), prefix });
    const worker = new Worker(
      QUEUES.system,
      async (job) => {
        const definition = jobsOf(QUEUES.system).find((d) => d.name === job.name)!;
        await definition.handle(definition.schema.parse(job.data), { prisma, redis: commands, prefix, workerId: "test-worker", queue });
      },
      { connection: createRedis(), prefix },
    );
    try {
      await events.waitUntilReady();
      const job = await queue.add(heartbeatJob.name, {}, heartbeatJob.options);
      await job.waitUntilFinished(events, 10_000);
      const beat = JSON.parse((await commands.get(WORKER_HEARTBEAT_KEY(prefix, QUEUES.system)))!) as { at: string; workerId: string };
      expect(beat.workerId).toBe("test-worker");
      expect(Date.now() - Date.parse(beat.at)).toBeLessThan(10_000);
      expect(await commands.keys(`${prefix}:${QUEUES.system}:*`)).not.toHaveLength(0);
      expect(await commands.keys(`bull:${QUEUES.system}:*`)).toHaveLength(0);
    } finally {
      await worker.close();
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
