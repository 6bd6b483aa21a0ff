import "server-only";
/**
 * Who may read the health details (issue 14): anonymous callers learn only whether the app is up
 * (`{status}`); queue depths, notification counts, worker heartbeats and the migration name need a
 * provider admin's session or the configured health token.
 */
import { timingSafeEqual, createHash } from "node:crypto";
import type { Actor } from "./actor";
import type { Health } from "./health";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** The bearer token of an Authorization header matches HEALTH_TOKEN (compared in constant time). */
export function healthTokenMatches(authorization: string | null, configured: string | undefined): boolean {
  if (!configured || !authorization) return false;
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  return match !== null && timingSafeEqual(digest(match[1]!), digest(configured));
}

export const mayReadHealthDetails = (actor: Actor | null): boolean => actor?.role === "PROVIDER_ADMIN";

export type HealthAnswer = Health | { status: Health["status"] };

export function healthAnswer(health: Health, details: boolean): HealthAnswer {
  return details ? health : { status: health.status };
}
