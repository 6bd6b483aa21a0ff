import "server-only";
/**
 * An agent records downtime of a service: for one customer organisation or for an agreement as a
 * whole, optionally from a P1 ticket (whose organisation it then belongs to), and whether it counts
 * against uptime (if not, why: 000 §9, 002 §6.3).
 */
import type { Actor } from "../actor";
import { unprocessable } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { INCIDENT_WRITERS, requireRole } from "../tickets/scope";
import { OpenIncidentSchema, type OpenIncidentInput } from "./schemas";
import { incidentViewSelect, type IncidentView } from "./view";

async function resolveOwner(ctx: UseCaseContext, input: { organizationId?: string; agreementId?: string; ticketId?: string }) {
  let organizationId = input.organizationId ?? null;
  if (input.ticketId) {
    const ticket = await ctx.prisma.ticket.findUnique({ where: { id: input.ticketId }, select: { organizationId: true, priority: true } });
    if (!ticket) throw unprocessable("No ticket with that id", { ticketId: ["unknown"] });
    if (ticket.priority !== "P1") throw unprocessable("An incident is opened from a P1 ticket only", { ticketId: ["not a P1 ticket"] });
    if (organizationId && organizationId !== ticket.organizationId) throw unprocessable("The ticket belongs to another organisation", { ticketId: ["other organisation"] });
    organizationId = ticket.organizationId;
  }
  let agreementId = input.agreementId ?? null;
  if (organizationId) {
    const org = await ctx.prisma.organization.findFirst({ where: { id: organizationId, isProvider: false }, select: { agreementId: true } });
    if (!org) throw unprocessable("No customer organisation with that id", { organizationId: ["unknown"] });
    agreementId ??= org.agreementId;
  }
  if (agreementId && !(await ctx.prisma.serviceAgreement.findUnique({ where: { id: agreementId }, select: { id: true } }))) {
    throw unprocessable("No agreement with that id", { agreementId: ["unknown"] });
  }
  if (!organizationId && !agreementId) throw unprocessable("Give the organisation, the agreement or a P1 ticket the downtime affects", { organizationId: ["required"] });
  return { organizationId, agreementId };
}

export async function openIncident({ actor, input: raw, ctx }: { actor: Actor; input: OpenIncidentInput; ctx: UseCaseContext }): Promise<IncidentView> {
  requireRole(actor, INCIDENT_WRITERS, "Incident");
  const input = parseInput(OpenIncidentSchema, raw);
  const owner = await resolveOwner(ctx, input);
  return ctx.prisma.incident.create({
    data: {
      ...owner,
      ticketId: input.ticketId ?? null,
      service: input.service,
      cause: input.cause,
      startedAt: input.startedAt,
      endedAt: input.endedAt ?? null,
      counts: input.counts,
      exclusionReason: input.exclusionReason ?? null,
      createdAt: ctx.now(),
    },
    select: incidentViewSelect,
  });
}
