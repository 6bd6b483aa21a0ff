import "server-only";
/**
 * Provider admins maintain the on-call rota: add a shift, or replace the shifts of a period.
 * Only users with role ONCALL or AGENT (active) can be put on call.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import type { Actor } from "../actor";
import type { DbClient } from "../db/prisma";
import { unprocessable } from "../errors";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { SetShiftsInputSchema, ShiftInputSchema, type SetShiftsInput, type ShiftInput } from "./schemas";

const onlyProviderAdmins = () => unprocessable("Only provider admins may change the on-call rota");

export interface ShiftView {
  id: string;
  userId: string;
  startsAt: Date;
  endsAt: Date;
  position: number;
}

const SHIFT_SELECT = { id: true, userId: true, startsAt: true, endsAt: true, position: true } as const;

async function requireOnCallUsers(db: DbClient, userIds: readonly string[]): Promise<void> {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return;
  const found = await db.user.findMany({
    where: { id: { in: wanted }, deactivatedAt: null, role: { in: ["ONCALL", "AGENT"] } },
    select: { id: true },
  });
  const ok = new Set(found.map((u) => u.id));
  const bad = wanted.filter((id) => !ok.has(id));
  if (bad.length > 0) throw unprocessable("Only active users with role ONCALL or AGENT can be on call", { userId: bad.map((id) => `${id} cannot be on call`) });
}

export async function addShift({ prisma, actor, input, now }: { prisma: PrismaClient; actor: Actor; input: ShiftInput; now: Date }): Promise<ShiftView> {
  requireRole(actor, PROVIDER_ADMIN, onlyProviderAdmins);
  const shift = ShiftInputSchema.parse(input);
  await requireOnCallUsers(prisma, [shift.userId]);
  return prisma.onCallShift.create({ data: { ...shift, createdAt: now }, select: SHIFT_SELECT });
}

export async function setShifts({ prisma, actor, input, now }: { prisma: PrismaClient; actor: Actor; input: SetShiftsInput; now: Date }): Promise<ShiftView[]> {
  requireRole(actor, PROVIDER_ADMIN, onlyProviderAdmins);
  const { from, to, shifts } = SetShiftsInputSchema.parse(input);
  return prisma.$transaction(async (tx) => {
    await requireOnCallUsers(
      tx,
      shifts.map((s) => s.userId),
    );
    await tx.onCallShift.deleteMany({ where: { startsAt: { gte: from, lt: to } } });
    if (shifts.length > 0) await tx.onCallShift.createMany({ data: shifts.map((s) => ({ ...s, createdAt: now })) });
    return tx.onCallShift.findMany({ where: { startsAt: { gte: from, lt: to } }, orderBy: [{ startsAt: "asc" }, { position: "asc" }], select: SHIFT_SELECT });
  });
}
