import "server-only";
/**
 * Incidents, newest first, as far as the actor may see them (tickets/scope.ts: staff all, a
 * customer admin their organisation's and their agreement's, end users none).
 */
import type { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../actor";
import { visibleIncidentsWhere } from "../tickets/scope";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { ListIncidentsSchema, type ListIncidentsInput } from "./schemas";
import { incidentViewSelect, type IncidentView } from "./view";

const LIMIT = 500;

export async function listIncidents({ actor, input: raw, ctx }: { actor: Actor; input: ListIncidentsInput; ctx: UseCaseContext }): Promise<IncidentView[]> {
  const input = parseInput(ListIncidentsSchema, raw);
  const visible = await visibleIncidentsWhere(ctx.prisma, actor);
  const where: Prisma.IncidentWhereInput = {
    AND: [
      visible,
      input.organizationId ? { organizationId: input.organizationId } : {},
      input.to ? { startedAt: { lt: input.to } } : {},
      input.from ? { OR: [{ endedAt: null }, { endedAt: { gt: input.from } }] } : {},
    ],
  };
  return ctx.prisma.incident.findMany({ where, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: LIMIT, select: incidentViewSelect });
}
