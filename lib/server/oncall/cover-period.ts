import "server-only";
/**
 * Overrides and swaps (issue 18). A person covers a period: the shifts at that position are cut
 * back around it (pieces outside it keep their kind) and one OVERRIDE shift takes its place. A swap
 * exchanges the people of two shifts; both become overrides. The roll-forward never overwrites
 * either. Audit row each.
 */
import type { Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { toJson } from "../db/json";
import { subtract } from "../../sla/intervals";
import { lockRota } from "./rota-lock";
import { rollRotaIn } from "./roll-rota";
import { requireRotaPeople } from "./rota-people";
import { OverrideInputSchema, ShiftIdSchema, SwapInputSchema, type OverrideInput, type SwapInput } from "./rota-schemas";

const SHIFT = { id: true, userId: true, position: true, startsAt: true, endsAt: true, kind: true, patternId: true } as const;
const shown = (s: { userId: string; position: number; startsAt: Date; endsAt: Date; kind?: string }) => ({
  userId: s.userId,
  position: s.position,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  kind: s.kind,
});

export async function coverPeriod({ actor, input: raw, ctx }: { actor: Actor; input: OverrideInput; ctx: UseCaseContext }): Promise<{ id: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(OverrideInputSchema, raw);
  if (input.endsAt <= ctx.now()) throw unprocessable("The period has already ended", { endsAt: ["The period has already ended"] });
  return ctx.prisma.$transaction(async (tx) => {
    await lockRota(tx);
    await requireRotaPeople(tx, [input.userId], "userId");
    const overlapping = await tx.onCallShift.findMany({ where: { position: input.position, startsAt: { lt: input.endsAt }, endsAt: { gt: input.startsAt } }, select: SHIFT });
    const cut = [{ from: input.startsAt.getTime(), to: input.endsAt.getTime() }];
    for (const s of overlapping) {
      await tx.onCallShift.delete({ where: { id: s.id } });
      const pieces = subtract([{ from: s.startsAt.getTime(), to: s.endsAt.getTime() }], cut);
      if (pieces.length)
        await tx.onCallShift.createMany({
          data: pieces.map((p) => ({ userId: s.userId, position: s.position, kind: s.kind, patternId: s.patternId, startsAt: new Date(p.from), endsAt: new Date(p.to), createdAt: ctx.now() })),
        });
    }
    const row = await tx.onCallShift.create({
      data: { userId: input.userId, position: input.position, startsAt: input.startsAt, endsAt: input.endsAt, kind: "OVERRIDE", createdAt: ctx.now() },
      select: { id: true },
    });
    await writeAudit(tx, ctx, {
      actor,
      action: "oncall.override",
      targetType: "OnCallShift",
      targetId: row.id,
      organizationId: null,
      before: toJson(overlapping.map(shown)),
      after: toJson(shown(input)),
    });
    await rollRotaIn(tx, ctx.now());
    return row;
  }, TRANSACTION_OPTIONS);
}

export async function swapShifts({ actor, input: raw, ctx }: { actor: Actor; input: SwapInput; ctx: UseCaseContext }): Promise<void> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { shiftId, otherShiftId } = parseInput(SwapInputSchema, raw);
  await ctx.prisma.$transaction(async (tx) => {
    await lockRota(tx);
    const [a, b] = await Promise.all([tx.onCallShift.findUnique({ where: { id: shiftId }, select: SHIFT }), tx.onCallShift.findUnique({ where: { id: otherShiftId }, select: SHIFT })]);
    if (!a || !b) throw notFound("Shift");
    if (a.userId === b.userId) throw unprocessable("Both shifts are the same person's", { otherShiftId: ["Both shifts are the same person's"] });
    if (a.endsAt <= ctx.now() || b.endsAt <= ctx.now()) throw unprocessable("A shift that has ended cannot be swapped", { otherShiftId: ["A shift that has ended cannot be swapped"] });
    await requireRotaPeople(tx, [a.userId, b.userId], "otherShiftId");
    await tx.onCallShift.update({ where: { id: a.id }, data: { userId: b.userId, kind: "OVERRIDE", patternId: null } });
    await tx.onCallShift.update({ where: { id: b.id }, data: { userId: a.userId, kind: "OVERRIDE", patternId: null } });
    await writeAudit(tx, ctx, {
      actor,
      action: "oncall.swap",
      targetType: "OnCallShift",
      targetId: a.id,
      organizationId: null,
      before: toJson([shown(a), shown(b)]),
      after: toJson([shown({ ...a, userId: b.userId, kind: "OVERRIDE" }), shown({ ...b, userId: a.userId, kind: "OVERRIDE" })]),
    });
  }, TRANSACTION_OPTIONS);
}

/**
 * Deletes a shift set by hand or an override (after the editor's confirmation); the pattern's
 * shift comes back where one applies. A pattern's own shift is changed by an override instead.
 */
export async function deleteShift({ actor, input: raw, ctx }: { actor: Actor; input: { shiftId: string }; ctx: UseCaseContext }): Promise<void> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { shiftId } = parseInput(ShiftIdSchema, raw);
  await ctx.prisma.$transaction(async (tx) => {
    await lockRota(tx);
    const row = await tx.onCallShift.findUnique({ where: { id: shiftId }, select: SHIFT });
    if (!row) throw notFound("Shift");
    if (row.kind === "PATTERN") throw unprocessable("A pattern's shift is changed with an override or by editing the pattern", { shiftId: ["A pattern's shift is changed with an override"] });
    await tx.onCallShift.delete({ where: { id: row.id } });
    await writeAudit(tx, ctx, { actor, action: "oncall.shift.delete", targetType: "OnCallShift", targetId: row.id, organizationId: null, before: toJson(shown(row)) });
    await rollRotaIn(tx, ctx.now());
  }, TRANSACTION_OPTIONS);
}
