import "server-only";
/**
 * An agent records downtime of a service: for one or more customer organisations or for an
 * agreement as a whole, optionally from a P1 ticket (whose organisation it then affects), with the
 * tickets about it, and whether it counts against uptime (if not, why: 000 §9, 002 §6.3). The
 * customer admins of the affected organisations are told at once (000 §3.4), in the same
 * transaction as the incident and its first IncidentUpdate.
 */
import type { Actor } from "../actor";
import { unprocessable } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import type { DbClient } from "../db/prisma";
import { parseInput } from "../validation";
import { INCIDENT_WRITERS, requireRole } from "../tickets/scope";
import { OpenIncidentSchema, type OpenIncidentInput } from "./schemas";
import { incidentViewSelect, type IncidentView } from "./view";
import { writeIncidentNotices } from "./notices";
import { writeAudit } from "../audit/write-audit";

type Parsed = ReturnType<typeof OpenIncidentSchema.parse>;

async function resolveOwner(db: DbClient, input: Parsed) {
  const organizationIds = new Set<string>([...(input.organizationIds ?? []), ...(input.organizationId ? [input.organizationId] : [])]);
  if (input.ticketId) {
    const ticket = await db.ticket.findUnique({ where: { id: input.ticketId }, select: { organizationId: true, priority: true } });
    if (!ticket) throw unprocessable("No ticket with that id", { ticketId: ["unknown"] });
    if (ticket.priority !== "P1") throw unprocessable("An incident is opened from a P1 ticket only", { ticketId: ["not a P1 ticket"] });
    if (input.organizationId && input.organizationId !== ticket.organizationId) throw unprocessable("The ticket belongs to another organisation", { ticketId: ["other organisation"] });
    organizationIds.add(ticket.organizationId);
  }
  const orgs = await db.organization.findMany({ where: { id: { in: [...organizationIds] }, isProvider: false }, select: { id: true, agreementId: true } });
  if (orgs.length !== organizationIds.size) throw unprocessable("No customer organisation with that id", { organizationId: ["unknown"] });
  let agreementId = input.agreementId ?? null;
  // One organisation: the incident is that organisation's on its agreement (as before issue 18).
  if (orgs.length === 1) agreementId ??= orgs[0]!.agreementId;
  if (agreementId && !(await db.serviceAgreement.findUnique({ where: { id: agreementId }, select: { id: true } }))) {
    throw unprocessable("No agreement with that id", { agreementId: ["unknown"] });
  }
  if (orgs.length === 0 && !agreementId) throw unprocessable("Give the organisation, the agreement or a P1 ticket the downtime affects", { organizationId: ["required"] });
  return { organizationIds: orgs.map((o) => o.id), organizationId: orgs.length === 1 ? orgs[0]!.id : null, agreementId };
}

async function linkedTicketIds(db: DbClient, input: Parsed): Promise<string[]> {
  const references = [...new Set(input.ticketReferences ?? [])];
  const found = references.length ? await db.ticket.findMany({ where: { reference: { in: references } }, select: { id: true, reference: true } }) : [];
  const missing = references.filter((r) => !found.some((t) => t.reference === r));
  if (missing.length) throw unprocessable(`No ticket with the reference ${missing.join(", ")}`, { ticketReferences: missing.map((r) => `unknown: ${r}`) });
  return [...new Set([...(input.ticketId ? [input.ticketId] : []), ...found.map((t) => t.id)])];
}

/** The organisations whose admins are told: the affected ones, or every customer on the agreement for agreement-wide downtime. */
export async function noticeOrganizations(db: DbClient, incident: { organizationId: string | null; agreementId: string | null; affected: Array<{ organizationId: string }> }) {
  const ids = new Set(incident.affected.map((a) => a.organizationId));
  if (incident.organizationId) ids.add(incident.organizationId);
  if (ids.size === 0 && incident.agreementId) {
    for (const o of await db.organization.findMany({ where: { agreementId: incident.agreementId, isProvider: false }, select: { id: true } })) ids.add(o.id);
  }
  return [...ids];
}

export async function openIncident({ actor, input: raw, ctx }: { actor: Actor; input: OpenIncidentInput; ctx: UseCaseContext }): Promise<IncidentView> {
  requireRole(actor, INCIDENT_WRITERS, "Incident");
  const input = parseInput(OpenIncidentSchema, raw);
  const now = ctx.now();
  return ctx.prisma.$transaction(async (tx) => {
    const owner = await resolveOwner(tx, input);
    const ticketIds = await linkedTicketIds(tx, input);
    const incident = await tx.incident.create({
      data: {
        organizationId: owner.organizationId,
        agreementId: owner.agreementId,
        ticketId: input.ticketId ?? null,
        service: input.service,
        cause: input.cause,
        startedAt: input.startedAt,
        endedAt: input.endedAt ?? null,
        counts: input.counts,
        exclusionReason: input.exclusionReason ?? null,
        createdAt: now,
        affected: { create: owner.organizationIds.map((organizationId) => ({ organizationId })) },
        linkedTickets: { create: ticketIds.map((ticketId) => ({ ticketId })) },
      },
      select: { ...incidentViewSelect, affected: { select: { organizationId: true } } },
    });
    const update = await tx.incidentUpdate.create({ data: { incidentId: incident.id, kind: "OPENED", message: input.message ?? "", authorId: actor.userId, createdAt: now }, select: { id: true } });
    await writeIncidentNotices(tx, {
      updateId: update.id,
      organizationIds: await noticeOrganizations(tx, incident),
      payload: {
        kind: incident.endedAt ? "closed" : "opened",
        service: incident.service,
        cause: incident.cause,
        startedAt: incident.startedAt.toISOString(),
        endedAt: incident.endedAt?.toISOString() ?? null,
        message: input.message || null,
        exclusionReason: incident.exclusionReason,
      },
      at: now,
    });
    await writeAudit(tx, ctx, {
      actor,
      action: "incident.open",
      targetType: "Incident",
      targetId: incident.id,
      organizationId: incident.organizationId,
      after: {
        service: incident.service,
        startedAt: incident.startedAt.toISOString(),
        endedAt: incident.endedAt?.toISOString() ?? null,
        counts: incident.counts,
        organizationIds: owner.organizationIds,
      },
    });
    const { affected: _affected, ...view } = incident;
    return view;
  });
}
