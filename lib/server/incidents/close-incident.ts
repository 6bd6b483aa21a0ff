import "server-only";
/** Ends an open incident (now, or at the given instant), optionally deciding whether it counts. */
import type { Actor } from "../actor";
import { conflict, notFound, unprocessable } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { INCIDENT_WRITERS, UUID, requireRole } from "../tickets/scope";
import { CloseIncidentSchema, type CloseIncidentInput } from "./schemas";
import { incidentViewSelect, type IncidentView } from "./view";

export async function closeIncident({ actor, input: raw, ctx }: { actor: Actor; input: CloseIncidentInput; ctx: UseCaseContext }): Promise<IncidentView> {
  requireRole(actor, INCIDENT_WRITERS, "Incident");
  const input = parseInput(CloseIncidentSchema, raw);
  if (!UUID.test(input.id)) throw notFound("Incident");
  const incident = await ctx.prisma.incident.findUnique({ where: { id: input.id }, select: { startedAt: true, endedAt: true } });
  if (!incident) throw notFound("Incident");
  if (incident.endedAt) throw conflict("The incident is already closed");
  const endedAt = input.endedAt ?? ctx.now();
  if (endedAt <= incident.startedAt) throw unprocessable("The end must be after the start", { endedAt: ["before startedAt"] });
  const decided = input.counts !== undefined ? { counts: input.counts, exclusionReason: input.exclusionReason ?? null } : {};
  // Conditional on still being open, so two agents closing at once cannot both succeed.
  const updated = await ctx.prisma.incident.updateMany({ where: { id: input.id, endedAt: null }, data: { endedAt, ...decided } });
  if (updated.count === 0) throw conflict("The incident is already closed");
  return ctx.prisma.incident.findUniqueOrThrow({ where: { id: input.id }, select: incidentViewSelect });
}
