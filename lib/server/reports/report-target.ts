import "server-only";
/**
 * Which organisation's report a signed-in person is asking for on the report pages and downloads:
 * a customer admin always their own; a provider admin the one named in `?organization=`.
 * null: nothing they may see (the page answers 404).
 */
import type { Actor } from "../actor";
import { MonthSchema, previousMonth, type Month } from "./month";

export function reportOrganizationFor(actor: Actor, requested: string | undefined): string | null {
  if (actor.role === "CUSTOMER_ADMIN") return requested === undefined || requested === actor.organizationId ? actor.organizationId : null;
  if (actor.role === "PROVIDER_ADMIN") return requested ?? null;
  return null;
}

/** The month asked for, or last month when none (or a malformed one) is given. */
export function monthOrDefault(value: string | undefined, now: Date): Month {
  const parsed = MonthSchema.safeParse(value);
  return parsed.success ? parsed.data : previousMonth(now);
}
