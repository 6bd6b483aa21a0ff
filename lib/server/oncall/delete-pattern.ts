import "server-only";
/** Provider admins delete a weekly pattern of the rota (issue 18); the roll-forward runs at once. Audit row. */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { toJson } from "../db/json";
import { rollRotaIn } from "./roll-rota";
import { PatternIdSchema } from "./rota-schemas";

/** Deletes a pattern and its shifts still to come; those already started stay as history. */
export async function deletePattern({ actor, input: raw, ctx }: { actor: Actor; input: { patternId: string }; ctx: UseCaseContext }): Promise<{ removedShifts: number }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { patternId } = parseInput(PatternIdSchema, raw);
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.onCallPattern.findUnique({ where: { id: patternId }, select: { id: true, name: true, startsOn: true, hours: true, weeks: true } });
    if (!row) throw notFound("Pattern");
    const { count } = await tx.onCallShift.deleteMany({ where: { patternId, kind: "PATTERN", startsAt: { gte: ctx.now() } } });
    await tx.onCallPattern.delete({ where: { id: patternId } });
    await writeAudit(tx, ctx, {
      actor,
      action: "oncall.pattern.delete",
      targetType: "OnCallPattern",
      targetId: patternId,
      organizationId: null,
      before: toJson({ name: row.name, startsOn: row.startsOn.toISOString().slice(0, 10), hours: row.hours, weeks: row.weeks }),
      after: toJson({ removedShifts: count }),
    });
    await rollRotaIn(tx, ctx.now());
    return { removedShifts: count };
  }, TRANSACTION_OPTIONS);
}
