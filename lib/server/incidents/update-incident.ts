import "server-only";
/** An agent tells the affected customers how an open incident is going (an IncidentUpdate and its notices). */
import type { Actor } from "../actor";
import { conflict, notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { INCIDENT_WRITERS, UUID, requireRole } from "../tickets/scope";
import { UpdateIncidentSchema, type UpdateIncidentInput } from "./schemas";
import { writeIncidentNotices } from "./notices";
import { writeAudit } from "../audit/write-audit";
import { noticeOrganizations } from "./open-incident";

export async function updateIncident({ actor, input: raw, ctx }: { actor: Actor; input: UpdateIncidentInput; ctx: UseCaseContext }): Promise<{ id: string }> {
  requireRole(actor, INCIDENT_WRITERS, "Incident");
  const input = parseInput(UpdateIncidentSchema, raw);
  if (!UUID.test(input.id)) throw notFound("Incident");
  const now = ctx.now();
  return ctx.prisma.$transaction(async (tx) => {
    // Lock the row, so an update and a close at once are told in order (or the update is refused).
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Incident" WHERE "id" = ${input.id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound("Incident");
    const incident = await tx.incident.findUniqueOrThrow({
      where: { id: input.id },
      select: { organizationId: true, agreementId: true, service: true, cause: true, startedAt: true, endedAt: true, exclusionReason: true, affected: { select: { organizationId: true } } },
    });
    if (incident.endedAt) throw conflict("The incident is already closed");
    const update = await tx.incidentUpdate.create({ data: { incidentId: input.id, kind: "UPDATED", message: input.message, authorId: actor.userId, createdAt: now }, select: { id: true } });
    await writeIncidentNotices(tx, {
      updateId: update.id,
      organizationIds: await noticeOrganizations(tx, incident),
      payload: {
        kind: "updated",
        service: incident.service,
        cause: incident.cause,
        startedAt: incident.startedAt.toISOString(),
        endedAt: null,
        message: input.message,
        exclusionReason: incident.exclusionReason,
      },
      at: now,
    });
    await writeAudit(tx, ctx, { actor, action: "incident.update", targetType: "Incident", targetId: input.id, organizationId: incident.organizationId, after: { message: input.message } });
    return update;
  });
}
