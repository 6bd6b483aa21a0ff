import type { SupportLine } from "../../generated/prisma/enums";
import type { DbClient } from "../db/prisma";
import type { RecipientKind } from "./rules";

/**
 * The people behind recipient kinds for a ticket, without duplicates. A ticket nobody is assigned
 * to has its line's leads told instead of the assignee, so a warning always reaches someone.
 */
export async function resolveRecipients(
  tx: DbClient,
  ticket: { organizationId: string; assigneeId: string | null; line: SupportLine },
  kinds: readonly RecipientKind[],
): Promise<string[]> {
  const ids = new Set<string>();
  const wantsLeads = kinds.includes("lineLead") || (kinds.includes("assignee") && !ticket.assigneeId);
  if (kinds.includes("assignee") && ticket.assigneeId) ids.add(ticket.assigneeId);
  if (wantsLeads) {
    const leads = await tx.user.findMany({ where: { role: "AGENT", supportLine: ticket.line, isLineLead: true, deactivatedAt: null }, select: { id: true } });
    for (const lead of leads) ids.add(lead.id);
  }
  if (kinds.includes("customerAdmin")) {
    const admins = await tx.user.findMany({ where: { role: "CUSTOMER_ADMIN", organizationId: ticket.organizationId, deactivatedAt: null }, select: { id: true } });
    for (const admin of admins) ids.add(admin.id);
  }
  return [...ids];
}
