import "server-only";
/** The security contacts for the timer worker, re-read at most every 10 seconds (as escalation/cached.ts does for line leads). */
import type { DbClient } from "../db/prisma";
import { securityContacts, type SecurityContact } from "./security-contacts";

const TTL_MS = 10_000;
let entry: { until: number; value: Promise<SecurityContact[]> } | null = null;

export function cachedSecurityContacts(db: DbClient): Promise<SecurityContact[]> {
  const now = Date.now();
  if (entry && entry.until > now) return entry.value;
  const value = securityContacts(db);
  entry = { until: now + TTL_MS, value };
  value.catch(() => (entry = null));
  return value;
}
