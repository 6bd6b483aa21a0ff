/**
 * Incidents, newest first: staff see all; a customer admin sees their organisation's and those of
 * their agreement as a whole; end users see none (not found).
 */
import type { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../actor";
import { isStaff } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { ListIncidentsSchema, type ListIncidentsInput } from "./schemas";
import { incidentViewSelect, type IncidentView } from "./view";

const LIMIT = 500;

async function visibleIncidentsWhere(ctx: UseCaseContext, actor: Actor): Promise<Prisma.IncidentWhereInput> {
  if (isStaff(actor)) return {};
  if (actor.role !== "CUSTOMER_ADMIN") throw notFound("Incident");
  const org = await ctx.prisma.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { agreementId: true } });
  return { OR: [{ organizationId: actor.organizationId }, ...(org.agreementId ? [{ organizationId: null, agreementId: org.agreementId }] : [])] };
}

export async function listIncidents({ actor, input: raw, ctx }: { actor: Actor; input: ListIncidentsInput; ctx: UseCaseContext }): Promise<IncidentView[]> {
  const input = parseInput(ListIncidentsSchema, raw);
  const visible = await visibleIncidentsWhere(ctx, actor);
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
