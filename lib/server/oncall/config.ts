import "server-only";
import { readEnv } from "../../config/env";

/** What paging needs from the configuration (ONCALL_* and APP_URL in lib/config/env.ts). */
export interface OnCallConfig {
  /** Minutes to wait for an acknowledgement before the next notice. */
  renotifyMinutes: number;
  /** Notices one person gets before the next person in the rota is paged. */
  noticesPerPerson: number;
  /** The app's public URL, for the acknowledgement link. */
  appUrl: string;
  /** Hours an acknowledgement link works after its notice (default 24). */
  ackLinkHours?: number;
}

export function onCallConfig(): OnCallConfig {
  const env = readEnv();
  return { renotifyMinutes: env.ONCALL_RENOTIFY_MINUTES, noticesPerPerson: env.ONCALL_NOTICES_PER_PERSON, appUrl: env.APP_URL, ackLinkHours: env.ONCALL_ACK_LINK_HOURS };
}

export const dueAfter = (now: Date, config: OnCallConfig): Date => new Date(now.getTime() + Math.round(config.renotifyMinutes * 60_000));

export const DEFAULT_ACK_LINK_HOURS = 24;
