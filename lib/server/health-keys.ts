import "server-only";
/** Redis keys shared by the workers (writers) and the health check (reader). */
export const WORKER_HEARTBEAT_KEY = (prefix: string, queue: string): string => `${prefix}:health:worker:${queue}`;
