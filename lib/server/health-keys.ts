import "server-only";
/** Redis keys shared by the workers (writers) and the health check (reader). */
export const WORKER_HEARTBEAT_KEY = (prefix: string, queue: string): string => `${prefix}:health:worker:${queue}`;

/** The mail intake's heartbeat (workers/mail-intake.ts): it has no BullMQ queue and beats under this name by itself. */
export const MAIL_INTAKE_HEARTBEAT = "mail-intake";
