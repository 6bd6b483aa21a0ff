import "server-only";
/** Provider admins delete a shift set by hand or an override from the rota (issue 18); the roll-forward runs at once. Audit row. */
import type { Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { toJson } from "../db/json";
import { lockRota } from "./rota-lock";
import { rollRotaIn } from "./roll-rota";
import { ShiftIdSchema } from "./rota-schemas";
import { SHIFT, shown } from "./shift-fields";

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
