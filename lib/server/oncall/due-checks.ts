import "server-only";
/**
 * The backstop behind the delayed check jobs (a delayed job is a wake-up call, never the only
 * record): pages whose notice is overdue by more than `graceMs`, as check payloads. Running
 * handleOnCallCheck on each is safe even if its job also runs.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import type { OnCallCheckPayload } from "./job-names";

export async function overdueOnCallChecks({ prisma, now, graceMs = 60_000, limit = 100 }: { prisma: PrismaClient; now: Date; graceMs?: number; limit?: number }): Promise<OnCallCheckPayload[]> {
  const rows = await prisma.escalation.findMany({
    where: { kind: "ONCALL_PAGE", status: "NOTIFIED", dueAt: { lte: new Date(now.getTime() - graceMs) } },
    orderBy: { dueAt: "asc" },
    take: limit,
    select: { id: true, attempt: true },
  });
  return rows.map((r) => ({ escalationId: r.id, attempt: r.attempt }));
}
