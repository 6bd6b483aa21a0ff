import "server-only";
/** The choices of the queue's filters (/arbeid): the customer organisations and the servicedesk's people, by name. */
import { isStaff, type Actor } from "../actor";
import { listAssignees } from "./list-assignees";
import type { UseCaseContext } from "./context";

export interface QueueFilterOptions {
  organizations: Array<{ id: string; name: string }>;
  assignees: Array<{ id: string; name: string }>;
}

export async function listQueueFilterOptions({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }): Promise<QueueFilterOptions> {
  if (!isStaff(actor)) return { organizations: [], assignees: [] };
  const [organizations, assignees] = await Promise.all([
    ctx.prisma.organization.findMany({ where: { isProvider: false }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    listAssignees({ actor, input: {}, ctx }),
  ]);
  return { organizations, assignees: assignees.map(({ id, name }) => ({ id, name })) };
}
