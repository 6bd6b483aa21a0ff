/**
 * Background work that is not time-critical, in its own process so it can never delay an SLA
 * timer: notification delivery (e-mail and signed webhooks, from the Notification outbox),
 * the heartbeat, auto-close of solved tickets, and the monthly SLA reports.
 */
import { readEnv } from "../lib/config/env";
import { QUEUES } from "../lib/server/jobs/queues";
import { createTransport, startNotificationDelivery } from "../lib/server/notifications";
import { runWorkerProcess } from "./runtime";

runWorkerProcess("background", async (rt) => {
  await rt.work(QUEUES.system, { concurrency: 1 });
  await rt.work(QUEUES.reports, { concurrency: 1, lockDuration: 120_000 });
  const transport = createTransport(readEnv());
  const delivery = startNotificationDelivery({ prisma: rt.prisma, transport });
  rt.onStop(async () => {
    await delivery.stop();
    transport.close();
  });
});
