import "server-only";
/**
 * The BullMQ queues. SLA timers get a queue (and worker) of their own so a backlog of
 * notifications or reports can never delay a breach (ENGINEERING.md, "Measured here").
 */
export const QUEUES = {
  system: "system",
  slaTimers: "sla-timers",
  notifications: "notifications",
  reports: "reports",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
