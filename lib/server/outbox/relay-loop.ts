import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { startPollingLoop } from "../polling-loop";
import { relayOutbox, type RelayQueues } from "./relay";

/** Relays the outbox continuously: straight on while there is a backlog, every `intervalMs` when idle. */
export function startOutboxRelay({ prisma, queues, intervalMs = 200, batch = 200 }: { prisma: PrismaClient; queues: RelayQueues; intervalMs?: number; batch?: number }) {
  return startPollingLoop({
    label: "outbox",
    pass: async () => (await relayOutbox({ prisma, queues, limit: batch })) === batch,
    intervalMs,
    retryMs: 1000,
  });
}
