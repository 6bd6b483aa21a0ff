/**
 * The SLA timer process: its own process, queue and worker, so a backlog of notifications or a
 * long report never delays a breach (ENGINEERING.md, "Measured here"). It also relays the outbox
 * (timer work moves from PostgreSQL to Redis here) and reconciles every minute — once right at
 * start-up, so a restart with an empty Redis loses nothing.
 */
import { DelayedError, type Job } from "bullmq";
import { QUEUES } from "../lib/server/jobs/queues";
import { SLA_TIMER_JOB, SlaTimerPayloadSchema } from "../lib/server/jobs/sla-timer";
import { handleSlaTimer } from "../lib/server/sla-timers/handle-sla-timer";
import { reconcileSlaTimers } from "../lib/server/sla-timers/reconcile";
import { relayQueues } from "../lib/server/outbox/relay";
import { startOutboxRelay } from "../lib/server/outbox/relay-loop";
import { runWorkerProcess, warnUnlessNoEviction } from "./runtime";

runWorkerProcess("sla-timers", async (rt) => {
  await warnUnlessNoEviction(rt.redis, "sla-timers");
  const slaTimers = rt.queue(QUEUES.slaTimers);

  await rt.work(
    QUEUES.slaTimers,
    // Handlers wait on PostgreSQL, not the CPU: many at once. A killed worker's job is taken over
    // after its lock (15 s) runs out; the stalled check runs every 5 s.
    { concurrency: 64, lockDuration: 15_000, stalledInterval: 5_000 },
    {
      [SLA_TIMER_JOB]: async (job: Job, token?: string) => {
        const outcome = await handleSlaTimer({ prisma: rt.prisma, payload: SlaTimerPayloadSchema.parse(job.data), now: new Date() });
        if (outcome.result === "early" && token) {
          await job.moveToDelayed(Date.now() + outcome.retryInMs, token);
          throw new DelayedError();
        }
        return outcome.result;
      },
    },
  );

  const relay = startOutboxRelay({ prisma: rt.prisma, queues: relayQueues(rt.queue) });
  rt.onStop(relay.stop);
  const first = await reconcileSlaTimers({ prisma: rt.prisma, slaTimers, redis: rt.redis, prefix: rt.prefix });
  console.log(`[sla-timers] start-up reconcile: ${first.clocksChecked} running clocks, ${first.timersRecreated} timers re-created, ${first.breachesRecorded} overdue breaches recorded`);
});
