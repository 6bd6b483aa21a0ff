import { deliverDueNotifications, type DeliveryOptions } from "./deliver";
import { throttleFromEnv } from "./throttle";

/**
 * Delivers notifications continuously (npm run workers): straight on while there is a backlog,
 * every `intervalMs` when idle, and after a pause when PostgreSQL fails. Several loops (workers)
 * may run at once. `stop()` finishes the pass in hand.
 */
export function startNotificationDelivery({ now = () => new Date(), intervalMs = 1000, batch = 20, ...opts }: DeliveryOptions & { now?: () => Date; intervalMs?: number; batch?: number }) {
  const options: DeliveryOptions = { ...opts, throttle: opts.throttle ?? throttleFromEnv() };
  let running = true;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const done = (async () => {
    while (running) {
      try {
        const report = await deliverDueNotifications({ ...options, now: now(), limit: batch });
        if (report.claimed + report.digested < batch) await sleep(intervalMs);
      } catch (error) {
        console.error(`[notifications] delivery pass failed, retrying in 5 s: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(5000);
      }
    }
  })();
  return {
    async stop(): Promise<void> {
      running = false;
      wake?.();
      await done;
    },
  };
}
