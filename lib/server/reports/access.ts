/**
 * Who may see which reports: a customer admin their own organisation's, a provider admin every
 * customer's; anyone else, and any other organisation, is "not found" (existence never leaks).
 */
import type { PrismaClient } from "../../generated/prisma/client";
import type { Actor } from "../actor";
import { notFound } from "../errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function mayReadReportOf(actor: Actor, organizationId: string): boolean {
  if (actor.role === "PROVIDER_ADMIN") return true;
  return actor.role === "CUSTOMER_ADMIN" && actor.organizationId === organizationId;
}

/** The customer organisation whose report the actor may read, or not_found. */
export async function requireReadableOrganization(prisma: PrismaClient, actor: Actor, organizationId: string): Promise<{ id: string; name: string }> {
  if (!UUID.test(organizationId) || !mayReadReportOf(actor, organizationId)) throw notFound("Report");
  const org = await prisma.organization.findFirst({ where: { id: organizationId, isProvider: false }, select: { id: true, name: true } });
  if (!org) throw notFound("Report");
  return org;
}

/** Provider admins only (all customers' figures, closing and recomputing months). */
export function requireProviderAdmin(actor: Actor): void {
  if (actor.role !== "PROVIDER_ADMIN") throw notFound("Report");
}
