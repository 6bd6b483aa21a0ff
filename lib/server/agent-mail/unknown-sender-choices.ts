import "server-only";
/**
 * What the agents' "Ukjent avsender" page needs besides the mails themselves: the active customer
 * organisations a mail can be assigned to, and how many mails wait (the count on /arbeid, without
 * reading any message). Staff only.
 */
import { STAFF_ROLES, type Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { requireRole } from "../tickets/scope";

export async function listAssignableOrganizations({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }): Promise<Array<{ id: string; name: string }>> {
  requireRole(actor, STAFF_ROLES, "Page");
  return ctx.prisma.organization.findMany({ where: { isProvider: false, deactivatedAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}

export async function countUnknownSenderMail({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }): Promise<number> {
  requireRole(actor, STAFF_ROLES, "Page");
  return ctx.prisma.inboundMail.count({ where: { status: "UNKNOWN_SENDER" } });
}
