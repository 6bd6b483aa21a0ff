import "server-only";
/**
 * Who a ticket can be assigned to (issue 19): active staff who may work it — agents of its line or
 * a line above, on-call for a P1, provider admins — by name. Without a ticket (the queue's bulk
 * assignment), every active staff member; each ticket then checks its own assignee.
 */
import { STAFF_ROLES, isStaff, type Actor } from "../actor";
import { unprocessable } from "../errors";
import type { UseCaseContext } from "./context";
import { mayWriteTicket } from "./scope";
import type { SupportLine } from "../../generated/prisma/enums";

export interface Assignee {
  id: string;
  name: string;
  role: "AGENT" | "ONCALL" | "PROVIDER_ADMIN";
  supportLine: SupportLine | null;
}

export async function listAssignees({ actor, input, ctx }: { actor: Actor; input: { ticket?: { line: SupportLine; priority: string } }; ctx: UseCaseContext }): Promise<Assignee[]> {
  if (!isStaff(actor)) throw unprocessable("Only servicedesk staff assign tickets");
  const staff = await ctx.prisma.user.findMany({
    where: { role: { in: [...STAFF_ROLES] }, deactivatedAt: null, organization: { isProvider: true } },
    select: { id: true, name: true, role: true, supportLine: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const { ticket } = input;
  return staff
    .filter((u) => !ticket || mayWriteTicket({ userId: u.id, role: u.role, supportLine: u.supportLine }, { ...ticket, assigneeId: null }))
    .map((u) => ({ id: u.id, name: u.name, role: u.role as Assignee["role"], supportLine: u.supportLine }));
}
