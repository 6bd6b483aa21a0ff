import type { PrismaClient } from "../../generated/prisma/client";
import { relayOutbox, type RelayQueues } from "./relay";

/**
 * Relays the outbox continuously: straight on while there is a backlog, every `intervalMs` when
 * idle, and after a pause when PostgreSQL or Redis fails. `stop()` finishes the batch in hand.
 */
export function startOutboxRelay({ prisma, queues, intervalMs = 200, batch = 200 }: { prisma: PrismaClient; queues: RelayQueues; intervalMs?: number; batch?: number }) {
  let running = true;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  const done = (async () => {
    while (running) {
      try {
        const handled = await relayOutbox({ prisma, queues, limit: batch });
        if (handled < batch) await sleep(intervalMs);
      } catch (error) {
        console.error(`[outbox] relay failed, retrying in 1 s: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(1000);
      }
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await done;
    },
  };
}
