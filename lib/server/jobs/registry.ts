/**
 * Every job is declared once here: its queue, name, payload schema, options and handler.
 * Payloads are parsed when enqueued and again in the worker; handlers must be safe to run twice.
 */
import { z } from "zod";
import type { JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { PrismaClient } from "../../generated/prisma/client";
import { autoCloseSolvedTickets } from "../tickets/auto-close-tickets";
import { QUEUES, type QueueName } from "./queues";
import { WORKER_HEARTBEAT_KEY } from "../health-keys";

export interface JobContext {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  workerId: string;
}

export interface JobDefinition<S extends z.ZodType> {
  queue: QueueName;
  name: string;
  schema: S;
  options?: JobsOptions;
  handle(payload: z.infer<S>, ctx: JobContext): Promise<void>;
}

const define = <S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> => def;

/** Proves the whole path scheduler → Redis → worker works; /api/health reads what it writes. */
export const heartbeatJob = define({
  queue: QUEUES.system,
  name: "heartbeat",
  schema: z.object({}),
  options: { removeOnComplete: true, removeOnFail: 100 },
  async handle(_payload, { redis, prefix, workerId }) {
    await redis.set(WORKER_HEARTBEAT_KEY(prefix, QUEUES.system), JSON.stringify({ at: new Date().toISOString(), workerId }), "EX", 120);
  },
});

export const HEARTBEAT_EVERY_MS = 15_000;

/** Closes solved tickets whose confirmation window has passed (000 §5.8); idempotent per ticket. */
export const autoCloseJob = define({
  queue: QUEUES.system,
  name: "auto-close-solved-tickets",
  schema: z.object({}),
  options: { removeOnComplete: true, removeOnFail: 100 },
  async handle(_payload, { prisma }) {
    const { closed } = await autoCloseSolvedTickets({ ctx: { prisma, now: () => new Date() } });
    if (closed.length) console.log(`[workers] closed after the confirmation window: ${closed.join(", ")}`);
  },
});

export const AUTO_CLOSE_EVERY_MS = 60_000;

export const JOBS = [heartbeatJob, autoCloseJob] as const;

export function jobsOf(queue: QueueName): ReadonlyArray<JobDefinition<z.ZodType>> {
  return JOBS.filter((job) => job.queue === queue) as ReadonlyArray<JobDefinition<z.ZodType>>;
}
