import "server-only";
import { startPollingLoop } from "../polling-loop";
import { deliverDueNotifications, type DeliveryOptions } from "./deliver";
import { throttleFromEnv } from "./throttle";

/**
 * Delivers notifications continuously (npm run workers): straight on while there is a backlog,
 * every `intervalMs` when idle. Several loops (workers) may run at once.
 */
export function startNotificationDelivery({ now = () => new Date(), intervalMs = 1000, batch = 20, ...opts }: DeliveryOptions & { now?: () => Date; intervalMs?: number; batch?: number }) {
  const options: DeliveryOptions = { ...opts, throttle: opts.throttle ?? throttleFromEnv() };
  return startPollingLoop({
    label: "notifications",
    pass: async () => {
      const report = await deliverDueNotifications({ ...options, now: now(), limit: batch });
      return report.claimed + report.digested >= batch;
    },
    intervalMs,
    retryMs: 5000,
  });
}
