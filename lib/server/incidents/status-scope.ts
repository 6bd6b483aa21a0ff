import "server-only";
/**
 * Whose service status a customer sees (issue 18): their own organisation's, for its signed-in
 * users only (staff and other organisations get not found), and the incidents that affect it.
 */
import type { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../actor";
import { notFound } from "../errors";

const CUSTOMER_ROLES = ["END_USER", "CUSTOMER_ADMIN"] as const;

/** Incidents that affect the organisation: its own, those affecting it among others, and its agreement's as a whole. */
export function incidentsAffecting(organizationId: string, agreementId: string | null): Prisma.IncidentWhereInput {
  return {
    OR: [{ organizationId }, { affected: { some: { organizationId } } }, ...(agreementId ? [{ organizationId: null, agreementId, affected: { none: {} } }] : [])],
  };
}

/** The organisation of a customer's signed-in user; anyone else gets not found. */
export function customerOrganization(actor: Actor) {
  if (!(CUSTOMER_ROLES as readonly string[]).includes(actor.role)) throw notFound("Status");
  return actor.organizationId;
}
