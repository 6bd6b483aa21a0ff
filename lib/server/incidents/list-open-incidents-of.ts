import "server-only";
/**
 * A customer organisation's incidents open now (issue 18), for the banner on every page of any
 * signed-in user of it. Staff and other organisations get nothing (not found).
 */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { customerOrganization, incidentsAffecting } from "./status-scope";

/** The organisation's incidents open at `now` (the portal's banner). */
export async function listOpenIncidentsOf({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }) {
  const organizationId = customerOrganization(actor);
  const org = await ctx.prisma.organization.findUnique({ where: { id: organizationId }, select: { agreementId: true } });
  if (!org) throw notFound("Status");
  return ctx.prisma.incident.findMany({
    where: { AND: [incidentsAffecting(organizationId, org.agreementId), { endedAt: null, startedAt: { lte: ctx.now() } }] },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: { id: true, service: true, startedAt: true },
  });
}
