import "server-only";
/** A provider admin plans a one-off maintenance window on an agreement (downtime in it does not count). */
import type { Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { ScheduleMaintenanceWindowSchema, type ScheduleMaintenanceWindowInput } from "./schemas";

export async function scheduleMaintenanceWindow({ actor, input: raw, ctx }: { actor: Actor; input: ScheduleMaintenanceWindowInput; ctx: UseCaseContext }) {
  if (actor.role !== "PROVIDER_ADMIN") throw notFound("Agreement");
  const input = parseInput(ScheduleMaintenanceWindowSchema, raw);
  const agreement = await ctx.prisma.serviceAgreement.findUnique({ where: { id: input.agreementId }, select: { id: true } });
  if (!agreement) throw unprocessable("No agreement with that id", { agreementId: ["unknown"] });
  return ctx.prisma.maintenanceWindow.create({
    data: { agreementId: agreement.id, kind: "ONE_OFF", startsAt: input.startsAt, endsAt: input.endsAt, description: input.description },
    select: { id: true, agreementId: true, kind: true, startsAt: true, endsAt: true, description: true },
  });
}
