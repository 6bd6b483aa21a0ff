import "server-only";
/** Swaps (issue 18): the people of two shifts are exchanged and both become overrides, which the roll-forward never overwrites. Audit row. */
import type { Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { toJson } from "../db/json";
import { lockRota } from "./rota-lock";
import { requireRotaPeople } from "./rota-people";
import { SwapInputSchema, type SwapInput } from "./rota-schemas";
import { SHIFT, shown } from "./shift-fields";

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
