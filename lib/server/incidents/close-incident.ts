import "server-only";
/**
 * Ends an open incident (now, or at the given instant), optionally deciding whether it counts, and
 * tells the affected customers' admins (000 §3.4) in the same transaction.
 */
import type { Actor } from "../actor";
import { conflict, notFound, unprocessable } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { INCIDENT_WRITERS, UUID, requireRole } from "../tickets/scope";
import { CloseIncidentSchema, type CloseIncidentInput } from "./schemas";
import { incidentViewSelect, type IncidentView } from "./view";
import { writeIncidentNotices } from "./notices";
import { writeAudit } from "../audit/write-audit";
import { noticeOrganizations } from "./open-incident";

export async function closeIncident({ actor, input: raw, ctx }: { actor: Actor; input: CloseIncidentInput; ctx: UseCaseContext }): Promise<IncidentView> {
  requireRole(actor, INCIDENT_WRITERS, "Incident");
  const input = parseInput(CloseIncidentSchema, raw);
  if (!UUID.test(input.id)) throw notFound("Incident");
  const now = ctx.now();
  return ctx.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: input.id }, select: { startedAt: true, endedAt: true } });
    if (!incident) throw notFound("Incident");
    if (incident.endedAt) throw conflict("The incident is already closed");
    const endedAt = input.endedAt ?? now;
    if (endedAt <= incident.startedAt) throw unprocessable("The end must be after the start", { endedAt: ["before startedAt"] });
    const decided = input.counts !== undefined ? { counts: input.counts, exclusionReason: input.exclusionReason ?? null } : {};
    // Conditional on still being open, so two agents closing at once cannot both succeed.
    const updated = await tx.incident.updateMany({ where: { id: input.id, endedAt: null }, data: { endedAt, ...decided } });
    if (updated.count === 0) throw conflict("The incident is already closed");
    const closed = await tx.incident.findUniqueOrThrow({ where: { id: input.id }, select: { ...incidentViewSelect, affected: { select: { organizationId: true } } } });
    const update = await tx.incidentUpdate.create({ data: { incidentId: input.id, kind: "CLOSED", message: input.message ?? "", authorId: actor.userId, createdAt: now }, select: { id: true } });
    await writeIncidentNotices(tx, {
      updateId: update.id,
      organizationIds: await noticeOrganizations(tx, closed),
      payload: {
        kind: "closed",
        service: closed.service,
        cause: closed.cause,
        startedAt: closed.startedAt.toISOString(),
        endedAt: endedAt.toISOString(),
        message: input.message || null,
        exclusionReason: closed.exclusionReason,
      },
      at: now,
    });
    await writeAudit(tx, ctx, {
      actor,
      action: "incident.close",
      targetType: "Incident",
      targetId: closed.id,
      organizationId: closed.organizationId,
      before: { endedAt: null },
      after: { endedAt: endedAt.toISOString(), counts: closed.counts, exclusionReason: closed.exclusionReason },
    });
    const { affected: _affected, ...view } = closed;
    return view;
  });
}
